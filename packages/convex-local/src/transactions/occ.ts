/** The short code of a permanent write conflict. */
export const OCC_CODE = "OptimisticConcurrencyControlFailure";

/**
 * Re-runs after the first attempt, as the Convex backend's
 * UDF_EXECUTOR_OCC_MAX_RETRIES (crates/common/src/knobs.rs).
 */
export const OCC_MAX_RETRIES = 4;
/**
 * Initial backoff, UDF_EXECUTOR_OCC_INITIAL_BACKOFF_MS in the Convex
 * backend's crates/common/src/knobs.rs (100 ms there).
 */
export const OCC_INITIAL_BACKOFF_MS = 100;
/** Maximum backoff, UDF_EXECUTOR_OCC_MAX_BACKOFF_MS in the same file. */
export const OCC_MAX_BACKOFF_MS = 2000;

/**
 * Backoff before retry number `retry` (1-based), with full jitter as the
 * Convex backend's `Backoff::fail`: a uniform draw from zero up to the
 * exponential bound, which spreads the retries of one burst of conflicts.
 */
export function occBackoffMs(retry: number, random: () => number): number {
  const bound = Math.min(
    OCC_MAX_BACKOFF_MS,
    OCC_INITIAL_BACKOFF_MS * 2 ** (retry - 1),
  );
  return bound * random();
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
