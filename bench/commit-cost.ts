/**
 * Splits the main-thread CPU time of one insert mutation into its HTTP
 * and engine parts, on Linux. It measures, after a warm-up each:
 *
 * - the engine alone: inserts called in this process, 50 at a time;
 * - the API server alone: the same HTTP requests, each handled by a stub
 *   engine, in a child process;
 * - the whole backend over HTTP, in a child process.
 *
 * Run it with `pnpm exec tsx bench/commit-cost.ts` from the repository
 * root.
 */
import { fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { BackendHandle } from "./lib/backend-handle";
import { loadCompiledBackend } from "./lib/compiled-backend";
import { perSecond, renderTable, runWorkers } from "./lib/stats";
import { mainThreadCpuMs } from "./lib/thread-cpu";
import { runHttpInserts } from "./scenarios/commit-rate";

const benchFile = fileURLToPath(import.meta.url);
const PROJECT_DIR = path.join(path.dirname(benchFile), "fixtures", "bench-app");
const CLIENTS = 50;
const WARM_UP = 16_000;
const MEASURED = 5_000;
const { startApiServer, startBackend } = await loadCompiledBackend();
const quiet = { info() {}, warn() {}, error: (line: string) => log(line) };

function log(line: string) {
  process.stderr.write(`${line}\n`);
}

type Cost = { path: string; microseconds: number; rate: number };

async function measure(
  pathName: string,
  cpuMs: () => number,
  run: (inserts: number) => Promise<unknown>,
): Promise<Cost> {
  await run(WARM_UP);
  const cpuBefore = cpuMs();
  const started = performance.now();
  await run(MEASURED);
  const seconds = (performance.now() - started) / 1000;
  return {
    path: pathName,
    microseconds: ((cpuMs() - cpuBefore) * 1000) / MEASURED,
    rate: MEASURED / seconds,
  };
}

/** Calls the engine's `runMutation` directly, `CLIENTS` calls at a time. */
async function engineAlone(): Promise<Cost> {
  const stateDir = mkdtempSync(path.join(tmpdir(), "convex-local-cost-"));
  const backend = await startBackend({
    projectDir: PROJECT_DIR,
    stateDir,
    port: 0,
    sitePort: 0,
    host: "127.0.0.1",
    logger: quiet,
  });
  try {
    return await measure(
      "engine in this process",
      () => mainThreadCpuMs(process.pid),
      async (inserts) => {
        let next = 0;
        await runWorkers(CLIENTS, async (client) => {
          while (next < inserts) {
            const n = next++;
            const result = await backend.engine.runMutation({
              path: "items:insert",
              args: { client, n },
              caller: { kind: "anonymous" },
            });
            if (!result.ok) throw new Error(result.errorMessage);
          }
        });
      },
    );
  } finally {
    await backend.close();
    rmSync(stateDir, { recursive: true, force: true });
  }
}

/** Serves the API with an engine whose mutations return at once. */
async function serveStub() {
  const stub = new Proxy(
    {},
    {
      get: (_target, property) =>
        property === "runMutation"
          ? async () => ({ ok: true, value: null, logLines: [], ts: 1n })
          : () => () => {},
    },
  );
  const server = await startApiServer({
    engine: stub as never,
    port: 0,
    logger: quiet,
  });
  process.send!(server.port);
}

async function apiServerAlone(): Promise<Cost> {
  const child = fork(benchFile, ["stub"], {
    execArgv: process.execArgv,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  try {
    const port = await new Promise<number>((resolve) =>
      child.once("message", (message) => resolve(message as number)),
    );
    const target = { url: `http://127.0.0.1:${port}` } as BackendHandle;
    return await measure(
      "API server over a stub engine",
      () => mainThreadCpuMs(child.pid!),
      (inserts) =>
        runHttpInserts(target, { inserts, clients: CLIENTS, client: "socket" }),
    );
  } finally {
    child.kill();
  }
}

async function wholeBackend(): Promise<Cost> {
  const backend = await BackendHandle.start(PROJECT_DIR);
  try {
    return await measure(
      "backend over HTTP",
      () => backend.mainThreadCpuMs(),
      (inserts) =>
        runHttpInserts(backend, {
          inserts,
          clients: CLIENTS,
          client: "socket",
        }),
    );
  } finally {
    await backend.close();
  }
}

if (process.argv[2] === "stub") {
  await serveStub();
} else {
  const costs = [await engineAlone(), await apiServerAlone()];
  costs.push(await wholeBackend());
  process.stdout.write(
    `${renderTable(
      ["path", "main-thread CPU per insert", "inserts"],
      costs.map((cost) => [
        cost.path,
        `${cost.microseconds.toFixed(0)} µs`,
        perSecond(cost.rate),
      ]),
    )}\n`,
  );
}
