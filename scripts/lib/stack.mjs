// Starts the local stack: convex-local with the backend's functions, the
// Convex Auth keys, the demo clinic, and optionally both Next.js apps.
import { execFile, spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { exportJWK, exportPKCS8, generateKeyPair } from "jose";

export const root = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../..",
);
const cli = path.join(root, "packages/convex-local/bin/convex-local.mjs");
const backendDir = path.join(root, "packages/backend");

/**
 * The stack's ports. `INTAKE_PORT_BASE` moves all four, so a second stack
 * can run beside the first: the API listens on the base, HTTP actions on
 * base + 1, the staff app on base + 2 and the patient app on base + 3.
 */
export const ports = portsFrom(process.env.INTAKE_PORT_BASE);

function portsFrom(base) {
  if (!base) {
    return { api: 3210, site: 3211, admin: 3000, intake: 3001 };
  }
  const api = Number(base);
  if (!Number.isInteger(api) || api < 1024 || api > 65530) {
    throw new Error(
      `INTAKE_PORT_BASE must be a whole number from 1024 to 65530, got "${base}"`,
    );
  }
  return { api, site: api + 1, admin: api + 2, intake: api + 3 };
}

export const urls = {
  api: `http://127.0.0.1:${ports.api}`,
  site: `http://127.0.0.1:${ports.site}`,
  admin: `http://127.0.0.1:${ports.admin}`,
  intake: `http://127.0.0.1:${ports.intake}`,
};

export const demo = {
  email: "demo@intake.test",
  password: "demo-password-1",
  formSlug: "new-patient-demo",
};

/** Environment for every child: no telemetry, loopback URLs for the apps. */
export const childEnv = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  TURBO_TELEMETRY_DISABLED: "1",
  NEXT_PUBLIC_CONVEX_URL: urls.api,
  NEXT_PUBLIC_INTAKE_URL: urls.intake,
};

/** Milliseconds a child gets to exit after SIGTERM before SIGKILL. */
const STOP_GRACE_MS = 5_000;

const children = new Set();
let stopping = false;
const exitListeners = new Set();

/**
 * Calls `listener` with the child's name and exit status when a child
 * exits before `stopChildren` was called.
 */
export function onUnexpectedExit(listener) {
  exitListeners.add(listener);
}

/**
 * Spawns a long-running child in its own process group, so stopping it
 * also stops what it started (pnpm starts next, next starts its server).
 * Its output is prefixed with `name`.
 */
export function startChild(name, command, args, options = {}) {
  const child = spawn(command, args, {
    cwd: root,
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
    ...options,
  });
  children.add(child);
  child.exited = new Promise((resolve) => child.once("exit", resolve));
  const prefix = `[${name}] `;
  for (const stream of [child.stdout, child.stderr]) {
    let pending = "";
    stream.on("data", (chunk) => {
      pending += chunk.toString();
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) process.stderr.write(prefix + line + "\n");
    });
  }
  child.on("exit", (code, signal) => {
    children.delete(child);
    if (!stopping) {
      const status = signal ?? `code ${code}`;
      process.stderr.write(`${prefix}exited (${status})\n`);
      for (const listener of exitListeners) listener(name, status);
    }
  });
  return child;
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

/**
 * Stops every child's process group with SIGTERM, then SIGKILL for any
 * still running after the grace period. Resolves once all have exited.
 */
export async function stopChildren() {
  stopping = true;
  const running = [...children];
  for (const child of running) signalGroup(child, "SIGTERM");
  const timer = setTimeout(() => {
    for (const child of running) signalGroup(child, "SIGKILL");
  }, STOP_GRACE_MS);
  await Promise.all(running.map((child) => child.exited));
  clearTimeout(timer);
}

/** Throws when something already listens on one of the stack's ports. */
export async function assertPortsFree() {
  for (const [name, port] of Object.entries(ports)) {
    await new Promise((resolve, reject) => {
      const server = createServer();
      server.once("error", (error) => {
        const reason =
          error.code === "EADDRINUSE"
            ? `Port ${port} (${name}) on 127.0.0.1 is already in use. ` +
              "Stop the process that listens on it (an earlier run?) " +
              `and try again: ss -ltnp 'sport = :${port}'`
            : `Cannot listen on 127.0.0.1:${port} (${name}): ${error.message}`;
        reject(new Error(reason));
      });
      server.listen(port, "127.0.0.1", () => server.close(resolve));
    });
  }
}

/** Runs the convex-local CLI to completion and resolves to its stdout. */
export async function runCli(args, stateDir) {
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [cli, ...args, "--state", stateDir, "--url", urls.api],
      { cwd: backendDir, env: childEnv, encoding: "utf8" },
    );
    return stdout;
  } catch (error) {
    throw new Error(`convex-local ${args[0]} failed: ${error.stderr ?? error}`);
  }
}

/**
 * Polls `url` until it responds, or throws when `child` exits first or after
 * `timeoutMs`.
 */
export async function waitForUrl(url, { child, timeoutMs, init }) {
  let exitCode;
  child.exited.then((code) => (exitCode = code ?? "signal"));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exitCode !== undefined) {
      throw new Error(
        `The server for ${url} exited (${exitCode}) before it was ready`,
      );
    }
    try {
      const response = await fetch(url, init);
      if (response.status < 500) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${url}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Sets the Convex Auth variables (signing key, JWKS, site URL) unless the
 * deployment already has a signing key, so existing sessions stay valid.
 * Always turns on the outbox page, where the local stack's password reset
 * codes appear, because it sends no real email.
 */
async function ensureAuthEnv(stateDir) {
  await runCli(["env", "set", "INTAKE_DEV_OUTBOX", "1"], stateDir);
  const names = await runCli(["env", "list"], stateDir);
  if (/^JWT_PRIVATE_KEY=/m.test(names)) return;
  const { publicKey, privateKey } = await generateKeyPair("RS256", {
    extractable: true,
  });
  const pkcs8 = await exportPKCS8(privateKey);
  const jwks = { keys: [{ use: "sig", ...(await exportJWK(publicKey)) }] };
  await runCli(
    ["env", "set", "JWT_PRIVATE_KEY", pkcs8.trimEnd().replace(/\n/g, " ")],
    stateDir,
  );
  await runCli(["env", "set", "JWKS", JSON.stringify(jwks)], stateDir);
  await runCli(["env", "set", "SITE_URL", urls.admin], stateDir);
}

/**
 * Starts convex-local on the default ports with `stateDir`, configures auth
 * and seeds the demo clinic. Resolves once functions can be called.
 */
export async function startBackend({ stateDir }) {
  await assertPortsFree();
  const args = [
    cli,
    "dev",
    "--dir",
    backendDir,
    "--state",
    stateDir,
    "--port",
    String(ports.api),
    "--site-port",
    String(ports.site),
  ];
  const child = startChild("backend", process.execPath, args, {
    cwd: backendDir,
  });
  await waitForUrl(`${urls.api}/api/query_ts`, {
    child,
    timeoutMs: 120_000,
    init: { method: "POST" },
  });
  await ensureAuthEnv(stateDir);
  await runCli(["run", "seed:demo", "{}"], stateDir);
}

/** Starts both Next.js apps with `next <command>` ("dev" or "start"). */
export async function startApps(command) {
  const apps = [
    { name: "admin", url: urls.admin, port: ports.admin },
    { name: "intake", url: urls.intake, port: ports.intake },
  ];
  await Promise.all(
    apps.map(({ name, url, port }) => {
      const child = startChild(name, "pnpm", [
        "--filter",
        `@intake/${name}`,
        "exec",
        "next",
        command,
        "--hostname",
        "127.0.0.1",
        "--port",
        String(port),
      ]);
      return waitForUrl(url, { child, timeoutMs: 180_000 });
    }),
  );
}

export function stateDirFor(name) {
  return path.join(root, ".convex-local", name);
}
