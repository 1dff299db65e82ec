/**
 * Benchmarks packages/convex-local on 127.0.0.1: a hot counter, the
 * commit rate against raw SQLite, WebSocket fan-out and resident memory.
 * Each scenario gets a fresh backend in a child process. Run it with
 * `pnpm bench:convex-local` from the repository root.
 */
import { loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { BackendHandle } from "./lib/backend-handle";
import { warmUp } from "./lib/warm-up";
import { renderReport } from "./lib/report";
import {
  runHttpInserts,
  runRawSqlite,
  type CommitResult,
} from "./scenarios/commit-rate";
import { runFanOut } from "./scenarios/fan-out";
import { runHotCounter } from "./scenarios/hot-counter";
import { runMemory } from "./scenarios/memory";

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const PROJECT_DIR = path.join(benchDir, "fixtures", "bench-app");

// `--quick` runs a tenth of the load to check that the scenarios work,
// and its figures are not comparable with the goals.
const QUICK = process.argv.includes("--quick");
const scale = (count: number) => (QUICK ? Math.ceil(count / 10) : count);

/** Load of each scenario. */
export const SETTINGS = {
  counter: { increments: scale(2000), clients: 50 },
  commit: { inserts: scale(4000), clients: 50, rounds: 5 },
  fanOut: { subscribers: 200, writes: scale(20) },
  memory: { documents: scale(100_000), documentBytes: 2048, batch: 500 },
};

const WARM_UP_CLIENTS = 50;

/**
 * Inserts from the benchmark's plain HTTP clients before the commit rate
 * is timed. Measured on 2 cores, the backend's insert path and the clients
 * reached their steady speed only after about 15,000 calls.
 */
const COMMIT_WARM_UP_INSERTS = scale(16_000);

/** Runs `run` against a fresh backend after a warm-up. */
async function withBackend<T>(run: (backend: BackendHandle) => Promise<T>) {
  const backend = await BackendHandle.start(PROJECT_DIR);
  try {
    await warmUp(backend, WARM_UP_CLIENTS);
    return await run(backend);
  } finally {
    await backend.close();
  }
}

function log(message: string) {
  process.stderr.write(`${message}\n`);
}

async function main() {
  const runStarted = performance.now();
  const loadBefore = loadavg()[0]!;

  log("Hot counter...");
  const counters = await withBackend((backend) =>
    runHotCounter(backend, SETTINGS.counter),
  );

  log("Commit rate...");
  const commit = await withBackend(async (backend) => {
    await runHttpInserts(backend, {
      ...SETTINGS.commit,
      inserts: COMMIT_WARM_UP_INSERTS,
      client: "socket",
    });
    // Rounds alternate between the backend and raw SQLite, so a change in
    // the machine's load reaches both.
    const http: CommitResult[] = [];
    const raw: CommitResult[] = [];
    for (let round = 0; round < SETTINGS.commit.rounds; round++) {
      http.push(
        await runHttpInserts(backend, {
          ...SETTINGS.commit,
          client: "socket",
        }),
      );
      raw.push(
        runRawSqlite({
          inserts: SETTINGS.commit.inserts,
          backendLayout: false,
        }),
      );
    }
    const convexClient = await runHttpInserts(backend, {
      ...SETTINGS.commit,
      client: "convex",
    });
    return { http, raw, convexClient };
  });
  const rawBackendLayout = runRawSqlite({
    inserts: SETTINGS.commit.inserts,
    backendLayout: true,
  });

  log("Fan-out...");
  const fanOut = await withBackend((backend) =>
    runFanOut(backend, SETTINGS.fanOut),
  );

  log("Memory...");
  const memory = await withBackend((backend) =>
    runMemory(backend, SETTINGS.memory),
  );

  const report = renderReport({
    settings: SETTINGS,
    loadBefore,
    loadAfter: loadavg()[0]!,
    seconds: (performance.now() - runStarted) / 1000,
    counters,
    httpRounds: commit.http,
    rawRounds: commit.raw,
    convexClientInserts: commit.convexClient,
    rawBackendLayout,
    fanOut,
    memory,
  });
  process.stdout.write(`${report}\n`);
}

await main();
