/**
 * Per-transaction limits, as documented for Convex (docs.convex.dev,
 * production/state/limits) and used as convex-test's defaults.
 */
export const TRANSACTION_LIMITS = {
  bytesRead: 16 * 1024 * 1024,
  documentsRead: 32_000,
  databaseQueries: 4096,
  documentsWritten: 16_000,
  bytesWritten: 16 * 1024 * 1024,
  functionsScheduled: 1000,
  scheduledFunctionArgsBytes: 16 * 1024 * 1024,
} as const;

export type LimitName = keyof typeof TRANSACTION_LIMITS;

/**
 * Largest arguments of one scheduled function, in the bytes that
 * `scheduledFunctionArgsBytes` counts. Convex only warns above it:
 * MAX_SCHEDULED_JOB_ARGUMENT_SIZE_BYTES in crates/common/src/knobs.rs.
 */
export const MAX_SCHEDULED_FUNCTION_ARGS_BYTES = 4 * 1024 * 1024;

/** Limits that a nested call's `transactionLimits` may lower. */
export type TransactionBudget = Partial<Record<LimitName, number>>;

/** Usage counters of one transaction, checked against the limits. */
export class TransactionMetrics {
  readonly used: Record<LimitName, number> = {
    bytesRead: 0,
    documentsRead: 0,
    databaseQueries: 0,
    documentsWritten: 0,
    bytesWritten: 0,
    functionsScheduled: 0,
    scheduledFunctionArgsBytes: 0,
  };

  /** Largest arguments of one function scheduled here, in bytes. */
  largestScheduledArgsBytes = 0;

  /** The limits in force, lowered while a nested call with a budget runs. */
  limits: Record<LimitName, number> = { ...TRANSACTION_LIMITS };

  /** Adds usage and throws Convex's error once a limit is exceeded. */
  add(name: LimitName, amount: number) {
    this.used[name] += amount;
    const limit = this.limits[name];
    if (this.used[name] > limit) {
      throw new Error(limitMessage(name, limit));
    }
  }

  /**
   * Lowers the limits for a nested call, as Convex's
   * `TransactionLimits::from_budget` does: each limit becomes the usage so
   * far plus the budget, capped at the current limit. Returns the limits to
   * restore when the call ends.
   */
  applyBudget(budget: TransactionBudget): Record<LimitName, number> {
    const previous = this.limits;
    const next = { ...previous };
    for (const name of Object.keys(previous) as LimitName[]) {
      const amount = budget[name];
      if (typeof amount === "number" && amount >= 0) {
        next[name] = Math.min(this.used[name] + amount, previous[name]);
      }
    }
    this.limits = next;
    return previous;
  }

  /** Reports `{used, remaining}` per measure, as `getTransactionMetrics` returns. */
  report(): Record<string, { used: number; remaining: number }> {
    const entry = (name: LimitName) => ({
      used: this.used[name],
      remaining: Math.max(0, this.limits[name] - this.used[name]),
    });
    return {
      bytesRead: entry("bytesRead"),
      bytesWritten: entry("bytesWritten"),
      databaseQueries: entry("databaseQueries"),
      documentsRead: entry("documentsRead"),
      documentsWritten: entry("documentsWritten"),
      functionsScheduled: entry("functionsScheduled"),
      scheduledFunctionArgsBytes: entry("scheduledFunctionArgsBytes"),
      // NOTE: file storage usage inside transactions is not metered.
      filesWritten: { used: 0, remaining: 0 },
      fileWriteBytes: { used: 0, remaining: 0 },
      filesRead: { used: 0, remaining: 0 },
      fileReadBytes: { used: 0, remaining: 0 },
    };
  }
}

/**
 * Advice Convex appends to read-limit errors and warnings
 * (crates/database/src/reads.rs).
 */
export const OVER_LIMIT_HELP =
  "Consider using smaller limits in your queries, paginating your queries, or using indexed queries with a selective index range expressions.";

/**
 * Builds Convex's error text for an exceeded limit, from
 * crates/database/src/reads.rs, writes.rs and
 * crates/model/src/scheduled_jobs/mod.rs in convex-backend.
 *
 * NOTE: Convex counts `databaseQueries` as merged read intervals, and
 * this backend counts `db.get` and `db.query` calls, which can be more.
 */
export function limitMessage(name: LimitName, limit: number): string {
  switch (name) {
    case "documentsRead":
      return `Too many documents read in a single function execution (limit: ${limit}). ${OVER_LIMIT_HELP}`;
    case "bytesRead":
      return `Too many bytes read in a single function execution (limit: ${limit} bytes). ${OVER_LIMIT_HELP}`;
    case "databaseQueries":
      return `Too many reads in a single function execution (limit: ${limit}). ${OVER_LIMIT_HELP}`;
    case "documentsWritten":
      return `Too many writes in a single function execution (limit: ${limit})`;
    case "bytesWritten":
      return `Too many bytes written in a single function execution (limit: ${formatBytes(limit)})`;
    case "functionsScheduled":
      return `Too many functions scheduled by this mutation (limit: ${limit})`;
    case "scheduledFunctionArgsBytes":
      return `Too large total size of the arguments of scheduled functions from this mutation (limit: ${limit} bytes)`;
  }
}

const BYTE_UNITS: [number, string][] = [
  [2 ** 30, "GiB"],
  [1e9, "GB"],
  [2 ** 20, "MiB"],
  [1e6, "MB"],
  [2 ** 10, "KiB"],
  [1e3, "KB"],
];

/**
 * Formats a byte count as Convex's `common::fmt::format_bytes` does: the
 * largest unit that divides it exactly, or to one decimal place, else
 * plain bytes.
 */
export function formatBytes(bytes: number): string {
  if (bytes === 0) return "0 bytes";
  for (const [size, unit] of BYTE_UNITS) {
    if (bytes < size) continue;
    if (bytes % size === 0) return `${bytes / size} ${unit}`;
    if ((bytes * 10) % size === 0) {
      return `${Math.floor(bytes / size)}.${Math.floor((bytes * 10) / size) % 10} ${unit}`;
    }
  }
  return `${bytes} bytes`;
}
