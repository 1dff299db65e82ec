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

  /** Adds usage and throws once a limit is exceeded. */
  add(name: LimitName, amount: number) {
    this.used[name] += amount;
    const limit = TRANSACTION_LIMITS[name];
    if (this.used[name] > limit) {
      throw new Error(
        `Too many ${describe(name)} in a single function execution (limit: ${limit}). ` +
          "Consider using smaller limits in your queries, paginating your queries, " +
          "or using indexed queries with selective index range expressions.",
      );
    }
  }

  /** Reports `{used, remaining}` per measure, as `getTransactionMetrics` returns. */
  report(): Record<string, { used: number; remaining: number }> {
    const entry = (used: number, limit: number) => ({
      used,
      remaining: Math.max(0, limit - used),
    });
    return {
      bytesRead: entry(this.used.bytesRead, TRANSACTION_LIMITS.bytesRead),
      bytesWritten: entry(
        this.used.bytesWritten,
        TRANSACTION_LIMITS.bytesWritten,
      ),
      databaseQueries: entry(
        this.used.databaseQueries,
        TRANSACTION_LIMITS.databaseQueries,
      ),
      documentsRead: entry(
        this.used.documentsRead,
        TRANSACTION_LIMITS.documentsRead,
      ),
      documentsWritten: entry(
        this.used.documentsWritten,
        TRANSACTION_LIMITS.documentsWritten,
      ),
      functionsScheduled: entry(
        this.used.functionsScheduled,
        TRANSACTION_LIMITS.functionsScheduled,
      ),
      scheduledFunctionArgsBytes: entry(
        this.used.scheduledFunctionArgsBytes,
        TRANSACTION_LIMITS.scheduledFunctionArgsBytes,
      ),
      // NOTE: file storage usage inside transactions is not metered.
      filesWritten: entry(0, 0),
      fileWriteBytes: entry(0, 0),
      filesRead: entry(0, 0),
      fileReadBytes: entry(0, 0),
    };
  }
}

function describe(name: LimitName): string {
  switch (name) {
    case "bytesRead":
      return "bytes read";
    case "documentsRead":
      return "documents read";
    case "databaseQueries":
      return "reads (db.get and db.query calls)";
    case "documentsWritten":
      return "documents written";
    case "bytesWritten":
      return "bytes written";
    case "functionsScheduled":
      return "functions scheduled";
    case "scheduledFunctionArgsBytes":
      return "bytes in scheduled function arguments";
  }
}
