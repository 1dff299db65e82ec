import {
  MAX_SCHEDULED_FUNCTION_ARGS_BYTES,
  OVER_LIMIT_HELP,
  TRANSACTION_LIMITS,
  type LimitName,
} from "../transactions/limits";
import type { PendingWrite, Transaction } from "../transactions/transaction";
import type { ExecContext } from "./execution";
import { MAX_FUNCTION_VALUE_BYTES } from "../runtime/value-size";
import { MAX_DOCUMENT_BYTES, MAX_DOCUMENT_NESTING } from "./syscalls-db";

/**
 * Share of a limit above which a finished function gets a warning, Convex's
 * FUNCTION_LIMIT_WARNING_RATIO knob (crates/common/src/knobs.rs).
 */
export const FUNCTION_LIMIT_WARNING_RATIO = 0.8;

/** Measures of one function run that the warnings compare with the limits. */
export type FunctionUsage = {
  /** Size of the arguments array, as the argument limit measures it. */
  argsSize: number;
  /** Size of the return value, or null when the function failed. */
  resultSize: number | null;
  /** Wall-clock time of the function body, in milliseconds. */
  elapsedMs: number;
  /** The timeout the body ran under, in milliseconds. */
  limitMs: number;
  /**
   * An action's warning for the operations still pending when its handler
   * settled, or null when none were pending or the function is no action.
   */
  unawaitedWarning: string | null;
};

/** The parts of a transaction that its warnings read. */
export type TransactionCounters = Pick<Transaction, "metrics" | "writes">;

/**
 * Formats a system warning as a function log line, as Convex's
 * `LogLineStructured::to_pretty_string` does: the message follows the
 * level without quotes.
 */
function warnLine(message: string): string {
  return `[WARN] ${message}`;
}

function limitMessage(
  message: string,
  actual: number,
  limit: number,
  unit: string,
  suffix: string | undefined,
): string {
  const tail = suffix === undefined ? "" : ` ${suffix}`;
  return warnLine(
    `${message} (actual: ${actual}${unit}, limit: ${limit}${unit}).${tail}`,
  );
}

/**
 * Returns Convex's warning line when `actual` is over 80% of `limit` but
 * not over the limit itself, which fails the function instead, else null.
 * Follows `approaching_limit_warning` in crates/udf/src/warnings.rs, which
 * truncates 80% of the limit to an integer.
 */
export function approachingLimitWarning(
  actual: number,
  limit: number,
  message: string,
  options: { unit?: string; suffix?: string } = {},
): string | null {
  const warningLimit = Math.trunc(FUNCTION_LIMIT_WARNING_RATIO * limit);
  if (actual <= warningLimit || actual > limit) return null;
  return limitMessage(
    message,
    actual,
    limit,
    options.unit ?? "",
    options.suffix,
  );
}

/**
 * Returns the warning for the arguments of one scheduled function over
 * 80% of their limit, which Convex gives even above the limit because it
 * does not enforce that limit (`scheduled_arg_size_warning`).
 */
export function scheduledArgsSizeWarning(size: number): string | null {
  const limit = MAX_SCHEDULED_FUNCTION_ARGS_BYTES;
  if (size <= Math.trunc(FUNCTION_LIMIT_WARNING_RATIO * limit)) return null;
  const message =
    size > limit
      ? "Large arguments for a single scheduled function from this mutation. This will become a hard error in the future"
      : "Large arguments for a single scheduled function from this mutation";
  return limitMessage(message, size, limit, " bytes", undefined);
}

/**
 * Formats a duration in nanoseconds as Rust's `Debug` for `Duration` does:
 * the largest unit of s, ms, µs and ns in which it is at least 1, with
 * every nonzero fractional digit (`10s`, `8.5s`, `850.25ms`).
 */
export function formatRustDuration(nanos: number): string {
  const total = Math.round(nanos);
  const seconds = Math.floor(total / 1e9);
  const subsecond = total % 1e9;
  if (seconds > 0) return decimalDuration(seconds, subsecond, 1e8, "s");
  if (subsecond >= 1e6) {
    return decimalDuration(
      Math.floor(subsecond / 1e6),
      subsecond % 1e6,
      1e5,
      "ms",
    );
  }
  if (subsecond >= 1e3) {
    return decimalDuration(
      Math.floor(subsecond / 1e3),
      subsecond % 1e3,
      100,
      "µs",
    );
  }
  return `${subsecond}ns`;
}

function decimalDuration(
  integer: number,
  fraction: number,
  divisor: number,
  unit: string,
): string {
  let digits = "";
  let rest = fraction;
  let place = divisor;
  while (rest > 0 && place >= 1) {
    digits += String(Math.floor(rest / place));
    rest %= place;
    place /= 10;
  }
  return `${integer}${digits === "" ? "" : `.${digits}`}${unit}`;
}

/**
 * Returns Convex's warning for a function body that ran over 80% of its
 * timeout (`approaching_duration_limit_warning`), else null.
 */
export function durationWarning(
  elapsedMs: number,
  limitMs: number,
): string | null {
  const elapsed = Math.round(elapsedMs * 1e6);
  const limit = Math.round(limitMs * 1e6);
  if (elapsed <= limit * FUNCTION_LIMIT_WARNING_RATIO || elapsed > limit) {
    return null;
  }
  return warnLine(
    `Function execution took a long time. (maximum duration: ${formatRustDuration(limit)}, actual duration: ${formatRustDuration(elapsed)}).`,
  );
}

/**
 * Returns the largest and the most nested document that `tx` writes, as
 * Convex's `Transaction::biggest_document_writes` does over the final
 * version of each written document. Documents the backend itself wrote
 * carry no shape and are left out.
 */
function biggestWrites(tx: TransactionCounters) {
  let largest: PendingWrite | null = null;
  let deepest: PendingWrite | null = null;
  for (const write of tx.writes.values()) {
    const shape = write.newDoc ? write.shape : undefined;
    if (!shape) continue;
    if (largest === null || shape.size > largest.shape!.size) largest = write;
    if (deepest === null || shape.nesting > deepest.shape!.nesting) {
      deepest = write;
    }
  }
  return { largest, deepest };
}

const BYTES = { unit: " bytes" };
const READ_HELP = { suffix: OVER_LIMIT_HELP };

/** The counter warnings, in Convex's order, with their messages. */
const COUNTER_WARNINGS: {
  name: LimitName;
  message: string;
  options?: { unit?: string; suffix?: string };
}[] = [
  {
    name: "documentsRead",
    message: "Many documents read in a single function execution",
    options: READ_HELP,
  },
  {
    name: "databaseQueries",
    message: "Many reads in a single function execution",
    options: READ_HELP,
  },
  {
    name: "bytesRead",
    message: "Many bytes read in a single function execution",
    options: { ...BYTES, ...READ_HELP },
  },
  {
    name: "documentsWritten",
    message: "Many writes in a single function execution",
  },
  {
    name: "bytesWritten",
    message: "Many bytes written in a single function execution",
    options: BYTES,
  },
  {
    name: "functionsScheduled",
    message: "Many functions scheduled by this mutation",
  },
  {
    name: "scheduledFunctionArgsBytes",
    message:
      "Large total size of the arguments of scheduled functions from this mutation",
    options: BYTES,
  },
];

/**
 * Returns the warning for arguments or a return value over 80% of their
 * 16 MiB limit, else null. A null `size` is a failed function's result.
 */
function valueSizeWarning(size: number | null, subject: string) {
  if (size === null) return null;
  return approachingLimitWarning(
    size,
    MAX_FUNCTION_VALUE_BYTES,
    `Large size of the ${subject}`,
    BYTES,
  );
}

function pushIfPresent(lines: string[], line: string | null) {
  if (line !== null) lines.push(line);
}

/**
 * Builds the warning lines of a finished query or mutation, in the order
 * of Convex's `add_warnings_to_log_lines` (crates/isolate/src/environment/
 * udf/mod.rs). The counters are those of the whole transaction, nested
 * `ctx.runQuery` and `ctx.runMutation` calls included, against the
 * default limits.
 *
 * NOTE: Convex counts reads as merged read-set intervals, but this
 * backend counts `db.get` and `db.query` calls, as its read limit does.
 */
export function transactionWarnings(
  usage: FunctionUsage,
  tx: TransactionCounters,
): string[] {
  const lines: string[] = [];
  pushIfPresent(lines, valueSizeWarning(usage.argsSize, "function arguments"));
  for (const { name, message, options } of COUNTER_WARNINGS) {
    pushIfPresent(
      lines,
      approachingLimitWarning(
        tx.metrics.used[name],
        TRANSACTION_LIMITS[name],
        message,
        options,
      ),
    );
  }
  pushIfPresent(
    lines,
    scheduledArgsSizeWarning(tx.metrics.largestScheduledArgsBytes),
  );

  const { largest, deepest } = biggestWrites(tx);
  if (largest !== null) {
    pushIfPresent(
      lines,
      approachingLimitWarning(
        largest.shape!.size,
        MAX_DOCUMENT_BYTES,
        `Large document written with ID "${largest.id}"`,
        BYTES,
      ),
    );
  }
  if (deepest !== null) {
    pushIfPresent(
      lines,
      approachingLimitWarning(
        deepest.shape!.nesting,
        MAX_DOCUMENT_NESTING,
        `Deeply nested document written with ID "${deepest.id}"`,
        { unit: " levels" },
      ),
    );
  }

  pushIfPresent(
    lines,
    valueSizeWarning(usage.resultSize, "function return value"),
  );
  pushIfPresent(lines, durationWarning(usage.elapsedMs, usage.limitMs));
  return lines;
}

/**
 * Names pending operations as Convex's `TaskType::name_when_dangling`
 * (crates/isolate/src/environment/action/task.rs) does: syscalls without
 * their `1.0/`, `actions/` and `httpEndpoint/` prefixes, so
 * `ctx.runMutation` is `mutation`.
 */
export function danglingOperationName(op: string): string {
  switch (op) {
    case "storage/storeBlob":
      return "storage.store";
    case "storage/getBlob":
      return "storage.get";
    default:
      return op
        .replace("1.0/", "")
        .replace("actions/", "")
        .replace("httpEndpoint/", "")
        .replace("shallowMerge", "patch")
        .replace("queryPage", "paginate");
  }
}

/**
 * Operations of one action that have started and not yet settled, by
 * name. Timers are not operations, as Convex never reports a sleep.
 */
export class PendingOperations {
  private readonly counts = new Map<string, number>();

  /** Counts `promise` as pending under `name` until it settles. */
  async track<T>(name: string, promise: Promise<T>): Promise<T> {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    try {
      return await promise;
    } finally {
      const count = this.counts.get(name)! - 1;
      if (count === 0) this.counts.delete(name);
      else this.counts.set(name, count);
    }
  }

  /**
   * Returns Convex's warning for the operations pending now, else null.
   * Names are sorted, as Convex lists them from a `BTreeMap`.
   */
  warning(): string | null {
    if (this.counts.size === 0) return null;
    let total = 0;
    for (const count of this.counts.values()) total += count;
    const names = [...this.counts.keys()].sort().join(", ");
    return warnLine(
      `${total} unawaited operation${total === 1 ? "" : "s"}: [${names}]. Async operations should be awaited or they might not run. See https://docs.convex.dev/functions/actions#dangling-promises for more information.`,
    );
  }
}

/**
 * Builds the warning lines of a finished action, in the order of Convex's
 * `add_warnings_to_log_lines_action` (crates/isolate/src/environment/
 * action/mod.rs).
 */
export function actionWarnings(usage: FunctionUsage): string[] {
  const lines: string[] = [];
  pushIfPresent(lines, valueSizeWarning(usage.argsSize, "action arguments"));
  pushIfPresent(lines, usage.unawaitedWarning);
  pushIfPresent(lines, durationWarning(usage.elapsedMs, usage.limitMs));
  pushIfPresent(
    lines,
    valueSizeWarning(usage.resultSize, "action return value"),
  );
  return lines;
}

/**
 * Appends the warnings of a finished top-level function to its log lines.
 * A nested `ctx.runQuery` or `ctx.runMutation` adds none, because the
 * transaction's counters include it and its caller warns about them.
 */
export function addWarnings(context: ExecContext) {
  const usage = context.usage;
  if (usage === undefined || context.callDepth) return;
  const lines = context.tx
    ? transactionWarnings(usage, context.tx)
    : actionWarnings(usage);
  if (lines.length > 0) context.logLines.push(...lines);
}
