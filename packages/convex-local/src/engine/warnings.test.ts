import { describe, expect, test } from "vitest";
import type { TableInfo } from "../storage/catalog";
import { TransactionMetrics, type LimitName } from "../transactions/limits";
import type { PendingWrite } from "../transactions/transaction";
import {
  actionWarnings,
  danglingOperationName,
  durationWarning,
  formatRustDuration,
  PendingOperations,
  scheduledArgsSizeWarning,
  transactionWarnings,
  type FunctionUsage,
} from "./warnings";
import { httpResponseSizeWarning } from "./http-actions";

const HELP =
  "Consider using smaller limits in your queries, paginating your queries, or using indexed queries with a selective index range expressions.";

const quiet: FunctionUsage = {
  argsSize: 3,
  resultSize: 1,
  elapsedMs: 5,
  limitMs: 10_000,
  unawaitedWarning: null,
};

function counters(
  used: Partial<Record<LimitName, number>> = {},
  writes: PendingWrite[] = [],
  largestScheduledArgsBytes = 0,
) {
  const metrics = new TransactionMetrics();
  Object.assign(metrics.used, used);
  metrics.largestScheduledArgsBytes = largestScheduledArgsBytes;
  const table = { name: "payloads" } as TableInfo;
  return {
    metrics,
    writes: new Map(
      writes.map((write) => [write.id, { ...write, table }] as const),
    ),
  };
}

function written(id: string, size: number, nesting: number): PendingWrite {
  return {
    table: {} as TableInfo,
    id,
    oldDoc: null,
    newDoc: { _id: id },
    shape: { size, nesting },
  };
}

/**
 * One case per counter: the first value past 80% of the limit, the value
 * at 80% (truncated to an integer), and the expected warning.
 */
const counterCases: {
  name: LimitName;
  over: number;
  at: number;
  line: string;
}[] = [
  {
    name: "documentsRead",
    over: 25_601,
    at: 25_600,
    line: `[WARN] Many documents read in a single function execution (actual: 25601, limit: 32000). ${HELP}`,
  },
  {
    name: "databaseQueries",
    over: 3277,
    at: 3276,
    line: `[WARN] Many reads in a single function execution (actual: 3277, limit: 4096). ${HELP}`,
  },
  {
    name: "bytesRead",
    over: 13_421_773,
    at: 13_421_772,
    line: `[WARN] Many bytes read in a single function execution (actual: 13421773 bytes, limit: 16777216 bytes). ${HELP}`,
  },
  {
    name: "documentsWritten",
    over: 12_801,
    at: 12_800,
    line: "[WARN] Many writes in a single function execution (actual: 12801, limit: 16000).",
  },
  {
    name: "bytesWritten",
    over: 13_421_773,
    at: 13_421_772,
    line: "[WARN] Many bytes written in a single function execution (actual: 13421773 bytes, limit: 16777216 bytes).",
  },
  {
    name: "functionsScheduled",
    over: 801,
    at: 800,
    line: "[WARN] Many functions scheduled by this mutation (actual: 801, limit: 1000).",
  },
  {
    name: "scheduledFunctionArgsBytes",
    over: 13_421_773,
    at: 13_421_772,
    line: "[WARN] Large total size of the arguments of scheduled functions from this mutation (actual: 13421773 bytes, limit: 16777216 bytes).",
  },
];

describe("transaction warnings", () => {
  for (const { name, over, at, line } of counterCases) {
    test(`${name} just over 80% warns`, () => {
      expect(transactionWarnings(quiet, counters({ [name]: over }))).toEqual([
        line,
      ]);
    });

    test(`${name} at 80% stays quiet`, () => {
      expect(transactionWarnings(quiet, counters({ [name]: at }))).toEqual([]);
    });
  }

  test("counter over its limit stays quiet", () => {
    // The limit itself fails the function with its error instead.
    expect(
      transactionWarnings(quiet, counters({ documentsWritten: 16_001 })),
    ).toEqual([]);
  });

  test("arguments just over 80% warn", () => {
    const usage = { ...quiet, argsSize: 13_421_773 };
    expect(transactionWarnings(usage, counters())).toEqual([
      "[WARN] Large size of the function arguments (actual: 13421773 bytes, limit: 16777216 bytes).",
    ]);
    const at = { ...quiet, argsSize: 13_421_772 };
    expect(transactionWarnings(at, counters())).toEqual([]);
  });

  test("return value just over 80% warns", () => {
    const usage = { ...quiet, resultSize: 13_421_773 };
    expect(transactionWarnings(usage, counters())).toEqual([
      "[WARN] Large size of the function return value (actual: 13421773 bytes, limit: 16777216 bytes).",
    ]);
    const at = { ...quiet, resultSize: 13_421_772 };
    expect(transactionWarnings(at, counters())).toEqual([]);
  });

  test("largest document names its ID", () => {
    const writes = [written("small", 10, 1), written("big", 838_861, 1)];
    expect(transactionWarnings(quiet, counters({}, writes))).toEqual([
      '[WARN] Large document written with ID "big" (actual: 838861 bytes, limit: 1048576 bytes).',
    ]);
    const at = [written("big", 838_860, 1)];
    expect(transactionWarnings(quiet, counters({}, at))).toEqual([]);
  });

  test("deepest document names its ID", () => {
    const writes = [written("flat", 10, 1), written("deep", 20, 13)];
    expect(transactionWarnings(quiet, counters({}, writes))).toEqual([
      '[WARN] Deeply nested document written with ID "deep" (actual: 13 levels, limit: 16 levels).',
    ]);
    const at = [written("deep", 20, 12)];
    expect(transactionWarnings(quiet, counters({}, at))).toEqual([]);
  });

  test("deleted document is not measured", () => {
    const deleted = { ...written("gone", 900_000, 14), newDoc: null };
    expect(transactionWarnings(quiet, counters({}, [deleted]))).toEqual([]);
  });

  test("scheduled arguments warn per call", () => {
    const over = counters({}, [], 3_355_444);
    expect(transactionWarnings(quiet, over)).toEqual([
      "[WARN] Large arguments for a single scheduled function from this mutation (actual: 3355444 bytes, limit: 4194304 bytes).",
    ]);
    expect(transactionWarnings(quiet, counters({}, [], 3_355_443))).toEqual([]);
  });

  test("warnings keep Convex's order", () => {
    const usage = { ...quiet, argsSize: 13_421_773, resultSize: 13_421_773 };
    const lines = transactionWarnings(
      usage,
      counters({ documentsRead: 30_000, functionsScheduled: 900 }),
    );
    expect(lines.map((line) => line.split(" (")[0])).toEqual([
      "[WARN] Large size of the function arguments",
      "[WARN] Many documents read in a single function execution",
      "[WARN] Many functions scheduled by this mutation",
      "[WARN] Large size of the function return value",
    ]);
  });
});

describe("scheduled arguments warning", () => {
  test("above the limit still warns", () => {
    expect(scheduledArgsSizeWarning(4_194_305)).toBe(
      "[WARN] Large arguments for a single scheduled function from this mutation. This will become a hard error in the future (actual: 4194305 bytes, limit: 4194304 bytes).",
    );
  });
});

describe("duration warning", () => {
  test("just over 80% warns", () => {
    expect(durationWarning(8000.5, 10_000)).toBe(
      "[WARN] Function execution took a long time. (maximum duration: 10s, actual duration: 8.0005s).",
    );
  });

  test("at 80% stays quiet", () => {
    expect(durationWarning(8000, 10_000)).toBeNull();
  });

  test("over the limit stays quiet", () => {
    expect(durationWarning(10_001, 10_000)).toBeNull();
  });

  test("Rust duration format", () => {
    expect(formatRustDuration(10e9)).toBe("10s");
    expect(formatRustDuration(8.5e9)).toBe("8.5s");
    expect(formatRustDuration(1_234_567_891)).toBe("1.234567891s");
    expect(formatRustDuration(850_250_000)).toBe("850.25ms");
    expect(formatRustDuration(1500)).toBe("1.5µs");
    expect(formatRustDuration(999)).toBe("999ns");
  });
});

describe("action warnings", () => {
  test("arguments and return value just over 80% warn", () => {
    const usage = { ...quiet, argsSize: 13_421_773, resultSize: 13_421_773 };
    expect(actionWarnings(usage)).toEqual([
      "[WARN] Large size of the action arguments (actual: 13421773 bytes, limit: 16777216 bytes).",
      "[WARN] Large size of the action return value (actual: 13421773 bytes, limit: 16777216 bytes).",
    ]);
  });

  test("arguments and return value at 80% stay quiet", () => {
    const usage = { ...quiet, argsSize: 13_421_772, resultSize: 13_421_772 };
    expect(actionWarnings(usage)).toEqual([]);
  });

  test("unawaited operations come before the duration", () => {
    const usage = {
      ...quiet,
      elapsedMs: 9000,
      unawaitedWarning: "[WARN] unawaited",
    };
    expect(actionWarnings(usage)).toEqual([
      "[WARN] unawaited",
      "[WARN] Function execution took a long time. (maximum duration: 10s, actual duration: 9s).",
    ]);
  });
});

describe("unawaited operations", () => {
  test("names follow Convex's syscall display names", () => {
    expect(danglingOperationName("1.0/actions/mutation")).toBe("mutation");
    expect(danglingOperationName("1.0/actions/query")).toBe("query");
    expect(danglingOperationName("1.0/actions/schedule")).toBe("schedule");
    expect(danglingOperationName("1.0/shallowMerge")).toBe("patch");
    expect(danglingOperationName("storage/storeBlob")).toBe("storage.store");
    expect(danglingOperationName("storage/getBlob")).toBe("storage.get");
  });

  test("pending operations are counted and sorted", async () => {
    const pending = new PendingOperations();
    let finish = () => {};
    const open = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const tracked = [
      pending.track("query", open),
      pending.track("mutation", open),
      pending.track("mutation", open),
    ];
    expect(pending.warning()).toBe(
      "[WARN] 3 unawaited operations: [mutation, query]. Async operations should be awaited or they might not run. See https://docs.convex.dev/functions/actions#dangling-promises for more information.",
    );
    finish();
    await Promise.all(tracked);
    expect(pending.warning()).toBeNull();
  });
});

describe("HTTP response warning", () => {
  test("just over 80% of 20 MiB warns", () => {
    expect(httpResponseSizeWarning(16_777_217)).toBe(
      "[WARN] Large response returned from an HTTP action (actual: 16777217 bytes, limit: 20971520 bytes).",
    );
  });

  test("at 80% stays quiet", () => {
    expect(httpResponseSizeWarning(16_777_216)).toBeNull();
  });
});
