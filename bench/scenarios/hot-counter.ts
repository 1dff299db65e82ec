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
};

type Options = { increments: number; clients: number };

/**
 * Sends `increments` mutations from `clients` HTTP clients at once, each
 * client one call at a time, against a single document and against a
 * 16-shard @convex-dev/sharded-counter (with its sticky shards, then with
 * a random shard per call).
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

  const sharded = await measure(
    backend,
    options,
    "sharded counter, 16 shards",
    (client) =>
      client.mutation(anyApi.counters!.incrementSharded!, { key: "views" }),
  );
  sharded.finalCount = await admin.query(anyApi.counters!.countSharded!, {
    key: "views",
  });

  // Same component, but a random shard on every call, because the client
  // keeps one sticky shard per module instance and instances may share it.
  const randomShard = await measure(
    backend,
    options,
    "sharded counter, random shard per call",
    (client) =>
      client.mutation(anyApi.counters!.incrementRandomShard!, {
        key: "random",
      }),
  );
  randomShard.finalCount = await admin.query(anyApi.counters!.countSharded!, {
    key: "random",
  });
  return [naive, sharded, randomShard];
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
