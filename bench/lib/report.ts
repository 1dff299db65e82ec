import { cpus } from "node:os";
import { MAX_CONCURRENT_MUTATIONS } from "../../packages/convex-local/src/engine/admission";
import { MAX_CONCURRENT_TRANSACTIONS } from "../../packages/convex-local/src/engine/instance-pool";
import type { SETTINGS } from "../convex-local";
import type { CommitResult } from "../scenarios/commit-rate";
import type { FanOutResult } from "../scenarios/fan-out";
import type { CounterResult } from "../scenarios/hot-counter";
import type { MemoryResult } from "../scenarios/memory";
import { mebibytes, ms, perSecond, renderTable } from "./stats";

/** Goals the figures are checked against. */
const GOALS = {
  retryRatio: 10,
  fanOutP99Ms: 100,
  memoryBytes: 300 * 1024 * 1024,
};

/** Every figure of one benchmark run. */
export type RunResults = {
  settings: typeof SETTINGS;
  /** 1-minute load averages of the machine. */
  loadBefore: number;
  loadAfter: number;
  seconds: number;
  counters: CounterResult[];
  /** Plain HTTP/1.1 inserts, one result per round. */
  httpRounds: CommitResult[];
  /** Raw SQLite inserts on one table, one result per round. */
  rawRounds: CommitResult[];
  convexClientInserts: CommitResult;
  rawBackendLayout: CommitResult;
  fanOut: FanOutResult;
  memory: MemoryResult;
};

function rate(result: CommitResult): number {
  return result.inserts / result.seconds;
}

/** Returns the round with the median rate (the lower middle one of an even count). */
function medianRound(rounds: CommitResult[]): CommitResult {
  const sorted = [...rounds].sort((a, b) => rate(a) - rate(b));
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** Renders the figures and the goal checks as Markdown tables. */
export function renderReport(results: RunResults): string {
  const { settings, counters, rawBackendLayout } = results;
  const httpInserts = medianRound(results.httpRounds);
  const rawInserts = medianRound(results.rawRounds);
  const { fanOut, memory } = results;
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  const lines: string[] = [];
  lines.push(
    `Machine: ${cpus().length} cores, ${cpu}, 1-minute load average ${results.loadBefore.toFixed(2)} at start and ${results.loadAfter.toFixed(2)} at end`,
    "",
    `## Hot counter: ${settings.counter.increments} increments, ${settings.counter.clients} HTTP clients`,
    "",
    `Backend concurrency: new module instance per call, at most ${MAX_CONCURRENT_TRANSACTIONS} queries and mutations and ${MAX_CONCURRENT_MUTATIONS} mutations executing at once.`,
    "",
    renderTable(
      [
        "variant",
        "throughput",
        "OCC retries",
        "permanent failures",
        "failed calls",
        "lost updates",
        "p50",
        "p99",
        "final count",
        "documents written",
      ],
      counters.map((result) => [
        result.variant,
        perSecond(result.increments / result.seconds),
        String(result.occRetries),
        String(result.permanentFailures),
        String(result.failedCalls),
        String(result.increments - result.failedCalls - result.finalCount),
        ms(result.p50),
        ms(result.p99),
        String(result.finalCount),
        String(result.documentsWritten),
      ]),
    ),
    "",
    `## Commit rate: ${settings.commit.inserts} single-document inserts`,
    "",
    `Rounds of ${settings.commit.inserts} inserts, alternating: plain HTTP ${results.httpRounds.map((round) => perSecond(rate(round))).join(", ")}; raw SQLite ${results.rawRounds.map((round) => perSecond(rate(round))).join(", ")}. The table shows the median round of each.`,
    "",
    renderTable(
      ["variant", "commits", "failed", "p50", "p99"],
      [
        httpInserts,
        results.convexClientInserts,
        rawInserts,
        rawBackendLayout,
      ].map((result) => [
        result.variant,
        perSecond(result.inserts / result.seconds),
        String(result.failedCalls),
        ms(result.p50),
        ms(result.p99),
      ]),
    ),
    "",
    `## Fan-out: ${fanOut.writes} writes, ${fanOut.subscribers} WebSocket subscribers`,
    "",
    renderTable(
      [
        "last subscriber p50",
        "last subscriber p99",
        "each subscriber p50",
        "writes not delivered to all",
      ],
      [
        [
          ms(fanOut.lastP50),
          ms(fanOut.lastP99),
          ms(fanOut.eachP50),
          String(fanOut.missedWrites),
        ],
      ],
    ),
    "",
    `## Memory: ${memory.documents} documents of ${memory.documentBytes} bytes`,
    "",
    renderTable(
      [
        "idle RSS",
        "loaded RSS",
        "loaded RSS after GC",
        "heap after GC",
        "load time",
      ],
      [
        [
          mebibytes(memory.idleRss),
          mebibytes(memory.loadedRss),
          mebibytes(memory.loadedRssAfterGc),
          mebibytes(memory.heapUsedAfterGc),
          `${memory.loadSeconds.toFixed(1)} s`,
        ],
      ],
    ),
  );

  const [naive, sharded] = counters;
  const expectedCount = settings.counter.increments;
  const retryRatio = naive!.occRetries / Math.max(1, sharded!.occRetries);
  const httpRate = httpInserts.inserts / httpInserts.seconds;
  const rawRate = rawInserts.inserts / rawInserts.seconds;
  const layoutRate = rawBackendLayout.inserts / rawBackendLayout.seconds;
  const goals: [string, string, boolean][] = [
    [
      "sharded retries at least 10x fewer than single document, exact count",
      `${naive!.occRetries} vs ${sharded!.occRetries} retries (${retryRatio.toFixed(1)}x), count ${sharded!.finalCount} of ${expectedCount}`,
      retryRatio >= GOALS.retryRatio && sharded!.finalCount === expectedCount,
    ],
    [
      "HTTP commit rate at least the raw SQLite rate (median rounds)",
      `${perSecond(httpRate)} vs ${perSecond(rawRate)} (${perSecond(layoutRate)} with the backend's tables)`,
      httpRate >= rawRate,
    ],
    [
      "fan-out p99 under 100 ms",
      ms(fanOut.lastP99),
      fanOut.lastP99 < GOALS.fanOutP99Ms && fanOut.missedWrites === 0,
    ],
    [
      `memory under 300 MB with ${memory.documents} documents of ${memory.documentBytes} bytes`,
      mebibytes(memory.loadedRss),
      memory.loadedRss < GOALS.memoryBytes,
    ],
  ];
  lines.push(
    "",
    "## Goals",
    "",
    renderTable(
      ["goal", "measured", "met"],
      goals.map(([goal, measured, met]) => [
        goal,
        measured,
        met ? "yes" : "no",
      ]),
    ),
    "",
    `Total run time: ${results.seconds.toFixed(0)} s`,
  );
  return lines.join("\n");
}
