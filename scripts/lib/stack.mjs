// Starts the local stack: convex-local with the backend's functions, the
// Convex Auth keys, the demo clinic, and optionally both Next.js apps.
import { execFile, spawn } from "node:child_process";
import { promisify } from "node:util";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { exportJWK, exportPKCS8, generateKeyPair } from "jose";

export const root = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../..",
);
const cli = path.join(root, "packages/convex-local/bin/convex-local.mjs");
const backendDir = path.join(root, "packages/backend");

export const ports = { api: 3210, site: 3211, admin: 3000, intake: 3001 };
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

const children = new Set();

/** Spawns a long-running child whose output is prefixed with `name`. */
export function startChild(name, command, args, options = {}) {
  const child = spawn(command, args, {
    cwd: root,
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe"],
    ...options,
  });
  children.add(child);
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
      process.stderr.write(`${prefix}exited (${signal ?? `code ${code}`})\n`);
    }
  });
  return child;
}

let stopping = false;

/** Stops every child started by this process. */
export function stopChildren() {
  stopping = true;
  for (const child of children) child.kill("SIGTERM");
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

/** Polls `url` until it answers, or throws after `timeoutMs`. */
export async function waitForUrl(url, timeoutMs, init) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
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
 */
async function ensureAuthEnv(stateDir) {
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
  const args = [cli, "dev", "--dir", backendDir, "--state", stateDir];
  startChild("backend", process.execPath, args, { cwd: backendDir });
  await waitForUrl(`${urls.api}/api/query_ts`, 60_000, { method: "POST" });
  await ensureAuthEnv(stateDir);
  await runCli(["run", "seed:demo", "{}"], stateDir);
}

/** Starts both Next.js apps with `script` ("dev" or "start"). */
export async function startApps(script) {
  for (const app of ["admin", "intake"]) {
    startChild(app, "pnpm", ["--filter", `@intake/${app}`, script]);
  }
  await Promise.all([
    waitForUrl(urls.admin, 180_000),
    waitForUrl(urls.intake, 180_000),
  ]);
}

export function stateDirFor(name) {
  return path.join(root, ".convex-local", name);
}
