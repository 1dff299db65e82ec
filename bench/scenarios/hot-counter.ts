import { ConvexHttpClient } from "convex/browser";
import { anyApi } from "convex/server";
import type { BackendHandle } from "../lib/backend-handle";
import { percentile, runWorkers } from "../lib/stats";

/** Figures of one counter variant. */
export type CounterResult = {
  variant: string;
  increments: number;
  seconds: number;
  occRetries: number;
  permanentFailures: number;
  failedCalls: number;
  p50: number;
  p99: number;
  finalCount: number;
  /** Distinct documents the increments wrote (shards for the counter). */
  documentsWritten: number;
};

type Options = { increments: number; clients: number };

/**
 * Sends `increments` mutations from `clients` HTTP clients at once, each
 * client one call at a time, against a single document and against
 * @convex-dev/sharded-counter with its default of 16 shards.
 */
export async function runHotCounter(
  backend: BackendHandle,
  options: Options,
): Promise<CounterResult[]> {
  const admin = new ConvexHttpClient(backend.url);
  const id: string = await admin.mutation(anyApi.counters!.create!, {
    name: "views",
  });
  const naive = await measure(backend, options, "single document", (client) =>
    client.mutation(anyApi.counters!.incrementNaive!, { id }),
  );
  naive.finalCount = await admin.query(anyApi.counters!.getNaive!, { id });

  naive.documentsWritten = 1;

  const sharded = await measure(
    backend,
    options,
    "sharded counter, default 16 shards",
    (client) =>
      client.mutation(anyApi.counters!.incrementSharded!, { key: "views" }),
  );
  sharded.finalCount = await admin.query(anyApi.counters!.countSharded!, {
    key: "views",
  });
  sharded.documentsWritten = await shardsWritten(backend, "views");
  return [naive, sharded];
}

/** Counts the shard documents of `key` that have a nonzero value. */
async function shardsWritten(backend: BackendHandle, key: string) {
  const shards = await backend.documents("shardedCounter", "counters");
  return shards.filter((shard) => shard.name === key && shard.value !== 0)
    .length;
}

async function measure(
  backend: BackendHandle,
  options: Options,
  variant: string,
  increment: (client: ConvexHttpClient) => Promise<unknown>,
): Promise<CounterResult> {
  const before = await occTotals(backend);
  const latencies: number[] = [];
  let failedCalls = 0;
  let next = 0;
  const started = performance.now();
  await runWorkers(options.clients, async () => {
    const client = new ConvexHttpClient(backend.url);
    while (next < options.increments) {
      next += 1;
      const callStarted = performance.now();
      try {
        await increment(client);
      } catch {
        failedCalls += 1;
      }
      latencies.push(performance.now() - callStarted);
    }
  });
  const seconds = (performance.now() - started) / 1000;
  const after = await occTotals(backend);
  return {
    variant,
    increments: options.increments,
    seconds,
    occRetries: after.retried - before.retried,
    permanentFailures: after.failed - before.failed,
    failedCalls,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    finalCount: 0,
    documentsWritten: 0,
  };
}

async function occTotals(backend: BackendHandle) {
  let retried = 0;
  let failed = 0;
  for (const insight of await backend.insights()) {
    if (insight.kind === "occRetried") retried += insight.occCalls;
    else failed += insight.occCalls;
  }
  return { retried, failed };
}
