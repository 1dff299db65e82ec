/** The short code of a permanent write conflict. */
export const OCC_CODE = "OptimisticConcurrencyControlFailure";

/**
 * Re-runs after the first attempt, as the Convex backend's
 * UDF_EXECUTOR_OCC_MAX_RETRIES (crates/common/src/knobs.rs).
 */
export const OCC_MAX_RETRIES = 4;
/**
 * Initial backoff. The Convex backend's UDF_EXECUTOR_OCC_INITIAL_BACKOFF_MS
 * (same file) is 10 ms, but a function here runs slower than on Convex, so
 * its conflict window is wider. With 10 ms, 30 clients adding to a
 * 16-shard counter failed permanently about one run in three; 50 ms lets
 * the retries outlast the window.
 * NOTE: chosen by measurement on a 2-core machine, not taken from Convex.
 */
export const OCC_INITIAL_BACKOFF_MS = 50;
/** Maximum backoff, UDF_EXECUTOR_OCC_MAX_BACKOFF_MS in the same file. */
export const OCC_MAX_BACKOFF_MS = 2000;

/** Jittered exponential backoff before retry number `retry` (1-based). */
export function occBackoffMs(retry: number, random: () => number): number {
  const base = Math.min(
    OCC_MAX_BACKOFF_MS,
    OCC_INITIAL_BACKOFF_MS * 2 ** (retry - 1),
  );
  return base / 2 + random() * (base / 2);
}

/**
 * Builds Convex's permanent OCC error text. `writer` is the canonical path
 * of the mutation whose commit conflicted, when known.
 */
export function occErrorMessage(options: {
  tableName: string | null;
  documentId: string | null;
  writer: string | null;
  mutation: string;
}): string {
  const table =
    options.tableName === null
      ? "some table"
      : `the "${options.tableName}" table`;
  let source = "";
  if (options.writer !== null && options.documentId !== null) {
    source =
      options.writer === options.mutation
        ? ` Another call to this mutation changed the document with ID "${options.documentId}".`
        : ` A call to "${options.writer}" changed the document with ID "${options.documentId}".`;
  }
  return `Documents read from or written to ${table} changed while this mutation was being run and on every subsequent retry.${source} See https://docs.convex.dev/error#1`;
}
