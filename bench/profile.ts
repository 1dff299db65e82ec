/**
 * Runs one scenario of the benchmark against a backend started with
 * `--cpu-prof`, so the backend writes a V8 CPU profile of the run. Usage:
 * `tsx bench/profile.ts <commit|counter> <profileDir>`. Open the
 * `.cpuprofile` file in Chrome DevTools or speedscope.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { BackendHandle } from "./lib/backend-handle";
import { warmUp } from "./lib/warm-up";
import { runHttpInserts } from "./scenarios/commit-rate";
import { runHotCounter } from "./scenarios/hot-counter";

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const PROJECT_DIR = path.join(benchDir, "fixtures", "bench-app");

const [scenario, profileDir] = process.argv.slice(2);
if ((scenario !== "commit" && scenario !== "counter") || !profileDir) {
  throw new Error("Usage: profile.ts <commit|counter> <profileDir>");
}

const backend = await BackendHandle.start(PROJECT_DIR, [
  "--cpu-prof",
  "--cpu-prof-interval=100",
  `--cpu-prof-dir=${path.resolve(profileDir)}`,
]);
try {
  await warmUp(backend, 50);
  if (scenario === "commit") {
    await runHttpInserts(backend, {
      inserts: 12000,
      clients: 50,
      client: "socket",
    });
  }
  const result =
    scenario === "commit"
      ? await runHttpInserts(backend, {
          inserts: 4000,
          clients: 50,
          client: "socket",
        })
      : await runHotCounter(backend, { increments: 2000, clients: 50 });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} finally {
  await backend.close();
}
