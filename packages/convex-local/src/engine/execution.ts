import { jsonToConvex, type Value } from "convex/values";
import {
  containsCommitTs,
  RESERVED_COMMIT_TS_FIELD,
} from "../runtime/commit-ts";
import {
  realDateNow,
  runInInvocation,
  seededRandom,
  type Invocation,
} from "../runtime/global";
import {
  validateValue,
  type IdTableLookup,
  type ValidatorJson,
} from "../runtime/validators";
import { randomUint32 } from "../runtime/random-pool";
import { addDeadline } from "./deadlines";
import type { Transaction } from "../transactions/transaction";
import type { QueryStream } from "../transactions/query";
import {
  convexValueNesting,
  convexValueSize,
  formatBinarySize,
  jsonNestingExceeds,
  MAX_FUNCTION_VALUE_BYTES,
  MAX_VALUE_NESTING,
} from "../runtime/value-size";
import { FunctionError, toFunctionError } from "./errors";
import type { FunctionUsage, PendingOperations } from "./warnings";
import type { LoadedApp, LoadedComponent, ResolvedFunction } from "./functions";
import type { Caller, ConvexJson, UserIdentity } from "./types";

/** Pagination bookkeeping of one query or mutation run. */
export type PaginationState = {
  /** End cursor taken from the journal of the previous run. */
  journalEndCursor: string | null;
  /** End cursor of this run's `paginate`, stored in the next journal. */
  endCursor: string | null;
  used: boolean;
};

/** Everything a syscall needs to know about the function making it. */
export type ExecContext = {
  /** The module instance the call runs in; null until one is taken. */
  instance: LoadedApp | null;
  component: LoadedComponent;
  fn: ResolvedFunction;
  tx: Transaction | null;
  identity: UserIdentity | null;
  caller: Caller;
  requestId: string;
  logLines: string[];
  pagination: PaginationState;
  streams: Map<number, QueryStream>;
  /** Set for functions started by the scheduler. */
  scheduledFunctionId: string | null;
  /** Set once the function returned, threw or timed out. */
  finished?: boolean;
  /**
   * Set when the function body threw or timed out, or its return value
   * broke Convex's size or nesting limit.
   */
  bodyFailed?: boolean;
  /** Number of `ctx.run*` calls this run is nested in; 0 at the top. */
  callDepth?: number;
  /**
   * Set for queries and mutations that a mutation calls, whose arguments
   * may contain `db.vars.commitTs` of that mutation's transaction.
   */
  acceptsCommitTs?: boolean;
  /** Set once the body ran, for the warnings of the finished function. */
  usage?: FunctionUsage;
  /** The operations an action or HTTP action has started and not yet settled. */
  pendingOperations?: PendingOperations;
};

/**
 * Wall-clock limits per function run, in milliseconds. Convex limits query
 * and mutation user code to 1 s and actions to 10 min. The local limit for
 * queries and mutations is looser because it also counts storage time.
 */
export const TIMEOUT_MS = {
  transaction: 10_000,
  action: 10 * 60_000,
};

/** The syscall handlers the executor builds for one context. */
export type SyscallHandlers = Pick<
  Invocation,
  "syscall" | "asyncSyscall" | "jsSyscall"
>;

type Validators = { args: ValidatorJson; returns: ValidatorJson | null };

/**
 * Parsed validators by component and function path. Every call gets a new
 * module instance, so the registered function object is new each time,
 * while its validators stay the same until the app is bundled again,
 * which creates new component nodes.
 */
const validatorCache = new WeakMap<object, Map<string, Validators>>();

function validatorsOf(fn: ResolvedFunction): Validators {
  let byPath = validatorCache.get(fn.component.node);
  if (!byPath) {
    byPath = new Map();
    validatorCache.set(fn.component.node, byPath);
  }
  const cached = byPath.get(fn.udfPath);
  if (cached) return cached;
  const args = JSON.parse(
    fn.fn.exportArgs?.() ?? '{"type":"any"}',
  ) as ValidatorJson;
  const returns = JSON.parse(
    fn.fn.exportReturns?.() ?? "null",
  ) as ValidatorJson | null;
  const entry = { args, returns };
  // Inline mutations all share one path, and none declares validators.
  byPath.set(fn.udfPath, entry);
  return entry;
}

/**
 * Runs one function with its arguments validated before and its return
 * value validated after, inside an invocation whose syscalls go to
 * `handlers`. Returns the result in `convexToJson` form or throws a
 * `FunctionError`.
 */
export async function executeFunction(
  context: ExecContext,
  args: ConvexJson,
  handlers: SyscallHandlers,
  env: Record<string, string>,
  lookupId: IdTableLookup,
): Promise<ConvexJson> {
  const { fn } = context;
  const validators = validatorsOf(fn);

  // The arguments array adds one level, as in `checkArgumentLimits`. The
  // check comes first because `jsonToConvex` recurses and overflows the
  // stack on arguments nested many thousands of levels deep.
  if (jsonNestingExceeds(args, MAX_VALUE_NESTING - 1)) {
    throw argumentsTooNestedError(fn);
  }
  let argsValue: Value;
  try {
    argsValue = jsonToConvex(args as never);
  } catch (error) {
    throw new FunctionError(
      `ArgumentValidationError: ${(error as Error).message}`,
      undefined,
      "BadRequest",
    );
  }

  // Convex parses `{"$commitTs": null}` as a commit timestamp only in the
  // arguments of a call made inside a mutation's transaction, and as a
  // reserved field name from clients, actions and the scheduler.
  if (!context.acceptsCommitTs && containsCommitTs(argsValue)) {
    throw new FunctionError(
      `ArgumentValidationError: ${RESERVED_COMMIT_TS_FIELD}`,
      undefined,
      "BadRequest",
    );
  }

  const argsSize = checkArgumentLimits(fn, argsValue);

  if (validators.args.type !== "any" || argsValue === undefined) {
    const problem = validateValue(validators.args, argsValue, lookupId);
    if (problem) throw new FunctionError(`ArgumentValidationError: ${problem}`);
  }

  const deterministic = fn.kind === "query" || fn.kind === "mutation";
  const invocation: Invocation = {
    syscall: handlers.syscall,
    asyncSyscall: handlers.asyncSyscall,
    jsSyscall: handlers.jsSyscall,
    env,
    logLines: context.logLines,
    frozenNowMs: deterministic ? realDateNow() : undefined,
    random: deterministic ? seededRandom(randomUint32()) : undefined,
    pendingOperations: context.pendingOperations,
  };

  const argsJson = JSON.stringify([args]);
  const limitMs = deterministic ? TIMEOUT_MS.transaction : TIMEOUT_MS.action;
  const usage: FunctionUsage = {
    argsSize,
    resultSize: null,
    elapsedMs: 0,
    limitMs,
    unawaitedWarning: null,
  };
  const startedMs = performance.now();
  let settled = false;
  // Taken as soon as the body settles or times out, before its pending
  // operations fail.
  const settle = () => {
    if (settled) return;
    settled = true;
    usage.elapsedMs = performance.now() - startedMs;
    usage.unawaitedWarning = context.pendingOperations?.warning() ?? null;
    context.usage = usage;
  };
  let resultJson: string;
  let cancelDeadline = () => {};
  try {
    const run = runInInvocation(invocation, () => {
      switch (fn.kind) {
        case "query":
          return fn.fn.invokeQuery!(argsJson);
        case "mutation":
          return fn.fn.invokeMutation!(argsJson);
        case "action":
          return fn.fn.invokeAction!(context.requestId, argsJson);
        default:
          throw new Error(`${fn.udfPath} is an HTTP action`);
      }
    });
    resultJson = await new Promise<string>((resolve, reject) => {
      const fail = (error: unknown) => {
        settle();
        reject(error);
      };
      invocation.fail = fail;
      cancelDeadline = addDeadline(limitMs, () =>
        fail(
          new FunctionError(
            `Function execution timed out (maximum duration: ${limitMs / 1000}s)`,
          ),
        ),
      );
      run.then((value) => {
        settle();
        resolve(value);
      }, fail);
    });
  } catch (thrown) {
    context.bodyFailed = true;
    throw toFunctionError(thrown);
  } finally {
    cancelDeadline();
    // Syscalls from promises the function left running now fail, and
    // timers it left running stop.
    context.finished = true;
    invocation.finished = true;
  }

  const result = JSON.parse(resultJson) as ConvexJson;
  let resultValue: Value;
  try {
    resultValue = jsonToConvex(result as never);
    usage.resultSize = checkReturnLimits(fn, resultValue);
  } catch (error) {
    // Convex checks these limits inside the isolate, so a failure also
    // discards a reused context. Its returns validator runs outside.
    context.bodyFailed = true;
    throw error;
  }
  if (validators.returns) {
    const problem = validateValue(validators.returns, resultValue, lookupId);
    if (problem) throw new FunctionError(`ReturnsValidationError: ${problem}`);
  }
  return result;
}

/** Spells a function path as Convex's canonical form: `dir/file.js:name`. */
export function canonicalPath(fn: ResolvedFunction): string {
  const colon = fn.udfPath.lastIndexOf(":");
  return `${fn.udfPath.slice(0, colon)}.js${fn.udfPath.slice(colon)}`;
}

/**
 * Formats Convex's nesting error. Convex converts values bottom-up and stops
 * at the first array or object over the limit, so the depth it reports is
 * always the limit + 1.
 */
function tooNestedMessage(): string {
  return `Value is too nested (nested ${MAX_VALUE_NESTING + 1} levels deep > maximum nesting ${MAX_VALUE_NESTING})`;
}

/**
 * Rejects a return value nested deeper than Convex allows, with the text
 * of its `deserialize_udf_result` (crates/isolate/src/helpers.rs).
 */
function checkReturnNesting(fn: ResolvedFunction, result: Value) {
  if (convexValueNesting(result) > MAX_VALUE_NESTING) {
    throw new FunctionError(
      `Function ${canonicalPath(fn)} return value invalid: ${tooNestedMessage()}`,
    );
  }
}

/**
 * Rejects a return value nested deeper or larger than Convex allows, and
 * returns its size.
 */
function checkReturnLimits(fn: ResolvedFunction, result: Value): number {
  checkReturnNesting(fn, result);
  const resultSize = convexValueSize(result);
  if (resultSize > MAX_FUNCTION_VALUE_BYTES) {
    throw new FunctionError(
      `Function ${canonicalPath(fn)} return value is too large (actual: ${formatBinarySize(resultSize)}, limit: ${formatBinarySize(MAX_FUNCTION_VALUE_BYTES)})`,
    );
  }
  return resultSize;
}

function argumentsTooNestedError(fn: ResolvedFunction): FunctionError {
  return new FunctionError(
    `Invalid arguments for ${canonicalPath(fn)}: ${tooNestedMessage()}`,
  );
}

/**
 * Rejects arguments over Convex's size or nesting limit, with its texts,
 * and returns their size. Convex measures the arguments array, `[args]`,
 * so it is measured here. Its `parse_udf_args` (crates/udf/src/helpers.rs)
 * reports a nesting error as a function error, not a bad request.
 */
function checkArgumentLimits(fn: ResolvedFunction, args: Value): number {
  const nesting = convexValueNesting(args) + 1;
  if (nesting > MAX_VALUE_NESTING) throw argumentsTooNestedError(fn);
  const size = convexValueSize(args) + 2;
  if (size > MAX_FUNCTION_VALUE_BYTES) {
    throw new FunctionError(
      `Arguments for ${canonicalPath(fn)} are too large (actual: ${formatBinarySize(size)}, limit: ${formatBinarySize(MAX_FUNCTION_VALUE_BYTES)})`,
    );
  }
  return size;
}
