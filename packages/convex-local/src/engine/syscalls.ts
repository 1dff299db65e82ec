import { jsonToConvex, type Value } from "convex/values";
import { decodeId, encodeId, newInternalId } from "../ids";
import type { Document } from "../storage/document-store";
import type { SignJwtRequest } from "../auth/jwt-signer";
import type { TransactionBudget } from "../transactions/limits";
import { Transaction } from "../transactions/transaction";
import { FunctionError, syscallRejection } from "./errors";
import {
  canonicalPath,
  type ExecContext,
  type SyscallHandlers,
} from "./execution";
import type { Executor } from "./executor";
import {
  createFunctionHandle,
  resolveAddress,
  strippedUdfPath,
  type FunctionAddress,
} from "./resolve";
import { asyncDatabaseSyscall, databaseSyscall, RawJson } from "./syscalls-db";
import { storageJsSyscall, storageSyscall } from "./syscalls-storage";
import { checkSyscallJson } from "./syscall-json";
import { danglingOperationName } from "./warnings";
import type { ConvexJson } from "./types";
import {
  containsCommitTs,
  RESERVED_COMMIT_TS_FIELD,
} from "../runtime/commit-ts";
import { appendLogLine, realDateNow, realPreciseNow } from "../runtime/global";
import { runVectorSearch, type VectorQuery } from "../search/vector-search";

type Args = Record<string, unknown>;

/**
 * Nesting limit of `ctx.runQuery` / `ctx.runMutation` inside queries and
 * mutations, Convex's `MAX_REACTOR_CALL_DEPTH` knob default.
 */
const MAX_CALL_DEPTH = 8;

function requireKind(context: ExecContext, kinds: string[], op: string) {
  if (!kinds.includes(context.fn.kind)) {
    throw new Error(`Unknown async operation ${op} in a ${context.fn.kind}`);
  }
}

function checkRunning(context: ExecContext, op: string) {
  if (context.finished) {
    throw new Error(
      `${op} was called after ${context.fn.udfPath} finished. Await every promise before the function returns.`,
    );
  }
}

/**
 * Async syscalls that read nothing from the database, so they run without
 * yielding to the event loop: a blind insert only buffers its write, and a
 * nested query or mutation runs in the caller's transaction (its own reads
 * yield).
 */
const WITHOUT_DATABASE_READ = new Set(["1.0/insert", "1.0/runUdf"]);

/**
 * Reports whether an async syscall reads the database. The call that ends
 * a query stream, such as the second of `.unique()`, reads nothing: the
 * scan already found the end of its range.
 */
function readsDatabase(context: ExecContext, op: string, args: Args) {
  if (WITHOUT_DATABASE_READ.has(op)) return false;
  if (op === "1.0/queryStreamNext") {
    const stream = context.streams.get(args.queryId as number);
    if (stream?.endsNext()) return false;
  }
  return true;
}

/** Builds the syscall handlers of one running function. */
export function makeHandlers(
  executor: Executor,
  context: ExecContext,
): SyscallHandlers {
  const runAsyncSyscall = async (op: string, json: string) => {
    checkSyscallJson(json);
    const args = JSON.parse(json) as Args;
    // Yielding here lets concurrent functions interleave at every await
    // that reads the database, as they do against a real database.
    if (readsDatabase(context, op, args)) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    checkRunning(context, op);
    const result = await asyncSyscall(executor, context, op, args);
    if (result instanceof RawJson) return result.text;
    return JSON.stringify(result ?? null);
  };
  return {
    syscall(op, json) {
      checkRunning(context, op);
      checkSyscallJson(json);
      const args = JSON.parse(json) as Args;
      if (op === "1.0/componentArgument") return JSON.stringify({});
      return JSON.stringify(
        databaseSyscall(executor, context, op, args) ?? null,
      );
    },
    asyncSyscall(op, json) {
      const pending = context.pendingOperations;
      if (pending === undefined) return runAsyncSyscall(op, json);
      // Counted from the call, so one left unawaited is pending when the
      // action's handler settles.
      return pending.track(
        danglingOperationName(op),
        runAsyncSyscall(op, json),
      );
    },
    jsSyscall(op, arg) {
      checkRunning(context, op);
      const result = storageJsSyscall(executor, context, op, arg as Args);
      const pending = context.pendingOperations;
      if (pending === undefined || !(result instanceof Promise)) return result;
      return pending.track(danglingOperationName(op), result);
    },
  };
}

async function asyncSyscall(
  executor: Executor,
  context: ExecContext,
  op: string,
  args: Args,
): Promise<unknown> {
  const database = asyncDatabaseSyscall(executor, context, op, args);
  if (database) return database.value;
  const storage = await storageSyscall(executor, context, op, args);
  if (storage) return storage.value;
  switch (op) {
    case "1.0/runUdf":
      return runUdf(executor, context, args);
    case "1.0/createFunctionHandle":
      return createFunctionHandle(
        resolveAddress(
          executor.app,
          context.component.node,
          args as FunctionAddress,
        ),
      );
    case "1.0/schedule":
      requireKind(context, ["mutation"], op);
      return schedule(executor, context, context.tx!, args);
    case "1.0/cancel_job":
      requireKind(context, ["mutation"], op);
      cancelJob(executor, context, context.tx!, args.id as string);
      return null;
    case "1.0/actions/schedule":
      requireKind(context, ["action", "httpAction"], op);
      return (
        await executor.runSystemMutation(context.component.node.path, (tx) =>
          schedule(executor, context, tx, args),
        )
      ).value;
    case "1.0/actions/cancel_job":
      requireKind(context, ["action", "httpAction"], op);
      await executor.runSystemMutation(context.component.node.path, (tx) =>
        cancelJob(executor, context, tx, args.id as string),
      );
      return null;
    case "1.0/actions/query":
    case "1.0/actions/mutation":
    case "1.0/actions/action":
      requireKind(context, ["action", "httpAction"], op);
      return runFromAction(executor, context, op, args);
    case "1.0/getUserIdentity":
      return context.identity;
    case "1.0/getTransactionMetrics":
      if (!context.tx) {
        throw new Error(`Unknown async operation ${op}`);
      }
      return context.tx.metrics.report();
    case "1.0/getFunctionMetadata":
      // The `convex` library adds `type` and `visibility` itself.
      return {
        name: functionMetadataName(context.fn),
        componentPath: context.component.node.path,
      };
    case "1.0/getRequestMetadata":
      requireKind(context, ["mutation", "action", "httpAction"], op);
      return {
        ip: null,
        userAgent: null,
        requestId: context.requestId,
        scheduledFunctionId: context.scheduledFunctionId,
        authToken: context.caller.kind === "user" ? context.caller.token : null,
      };
    case "1.0/getDeploymentMetadata":
      return { name: "local", class: "s16" };
    case "1.0/auditLog":
      return null;
    case "1.0/signJwt": {
      requireKind(context, ["mutation"], op);
      const signer = await executor.options.jwtSigner();
      const componentPath = context.component.node.path;
      const cloudUrl = executor.options.cloudUrl;
      const issuer =
        componentPath === ""
          ? cloudUrl
          : `${cloudUrl}/components/${componentPath}`;
      return await signer.sign(
        args as unknown as SignJwtRequest,
        issuer,
        realDateNow(),
      );
    }
    case "1.0/createServiceToken":
    case "1.0/getServiceUrl":
      throw new Error(
        `${op} needs Convex Cloud services, which this local backend does not run.`,
      );
    case "1.0/actions/vectorSearch": {
      requireKind(context, ["action", "httpAction"], op);
      // An action's vector search reads the latest committed snapshot.
      const tx = new Transaction(
        executor.store,
        executor.catalog,
        executor.store.latestTs(),
        realPreciseNow(),
      );
      return {
        results: runVectorSearch(
          tx,
          executor.catalog,
          context.component.node.path,
          context.component.schema,
          args.query as VectorQuery,
        ),
      };
    }
    default:
      throw new Error(`Unknown async operation ${op}`);
  }
}

async function runUdf(
  executor: Executor,
  context: ExecContext,
  args: Args,
): Promise<ConvexJson> {
  const tx = context.tx;
  if (!tx)
    throw new Error("1.0/runUdf is only available in queries and mutations");
  const udfType = args.udfType as "query" | "mutation" | "snapshotQuery";
  if (context.fn.kind === "query" && udfType !== "query") {
    throw new Error(`InvalidFunctionCall: A query cannot call a ${udfType}`);
  }
  // Convex runs a nested call in a fresh context too, so the child gets
  // its own instance of the modules.
  const instance = executor.instantiate();
  const fn = resolveAddress(
    instance,
    context.component.node,
    args as FunctionAddress,
  );
  const expected = udfType === "snapshotQuery" ? "query" : udfType;
  if (fn.kind !== expected) {
    throw new Error(
      `InvalidFunctionCall: Trying to execute ${fn.udfPath} as ${expected}, but it is defined as ${fn.kind}.`,
    );
  }
  const depth = context.callDepth ?? 0;
  if (depth >= MAX_CALL_DEPTH) {
    throw new Error(
      "Cross component call depth limit exceeded. Do you have an infinite loop in your app?",
    );
  }
  const crossing = fn.component !== context.component;
  const childTx =
    udfType === "snapshotQuery"
      ? new Transaction(tx.store, tx.catalog, tx.snapshotTs, realPreciseNow())
      : tx;
  const child: ExecContext = {
    ...context,
    instance,
    component: fn.component,
    fn,
    tx: childTx,
    // Auth identity does not carry into components.
    identity: crossing ? null : context.identity,
    logLines: context.logLines,
    pagination: { journalEndCursor: null, endCursor: null, used: false },
    streams: new Map(),
    callDepth: depth + 1,
    acceptsCommitTs:
      udfType !== "snapshotQuery" &&
      (context.fn.kind === "mutation" || context.acceptsCommitTs === true),
  };
  const savepoint = tx.savepoint();
  // The child shares the parent's usage counters, so its reads and writes
  // count against the same limits, lowered by its `transactionLimits`.
  const budget = args.transactionLimits as TransactionBudget | undefined;
  const limits = budget ? childTx.metrics.applyBudget(budget) : null;
  let outcome;
  try {
    outcome = await executor.execute(child, (args.args ?? {}) as ConvexJson);
  } finally {
    if (limits) childTx.metrics.limits = limits;
  }
  if (!outcome.ok) {
    // A failed child undoes its own writes only; its reads stay recorded.
    tx.rollback(savepoint);
    throw syscallRejection(outcome.error);
  }
  return outcome.value;
}

async function runFromAction(
  executor: Executor,
  context: ExecContext,
  op: string,
  args: Args,
): Promise<ConvexJson> {
  const fn = resolveAddress(
    executor.app,
    context.component.node,
    args as FunctionAddress,
  );
  const crossing = fn.component !== context.component;
  const options = {
    caller: context.caller,
    identity: crossing ? null : context.identity,
    requestId: context.requestId,
  };
  const callArgs = (args.args ?? {}) as ConvexJson;
  const result =
    op === "1.0/actions/query"
      ? await executor.runQueryResolved(fn, callArgs, options)
      : op === "1.0/actions/mutation"
        ? await executor.runMutationResolved(fn, callArgs, options)
        : await executor.runActionResolved(fn, callArgs, options);
  for (const line of result.logLines) appendLogLine(context.logLines, line);
  if (!result.ok) {
    throw syscallRejection(
      new FunctionError(result.errorMessage, result.errorData),
    );
  }
  return result.value;
}

function schedule(
  executor: Executor,
  context: ExecContext,
  tx: Transaction,
  args: Args,
): string {
  const fn = resolveAddress(
    executor.app,
    context.component.node,
    args as FunctionAddress,
  );
  if (fn.kind !== "mutation" && fn.kind !== "action") {
    throw new Error(
      `Only mutations and actions can be scheduled; ${fn.udfPath} is a ${fn.kind}`,
    );
  }
  const scheduledTimeMs = Number(args.ts) * 1000;
  if (!Number.isFinite(scheduledTimeMs)) {
    throw new Error("The scheduled time must be a finite number of seconds");
  }
  checkScheduleDelay(Number(args.ts), realDateNow() / 1000);
  const scheduledArgs = jsonToConvex(args.args as never) as Value;
  if (containsCommitTs(scheduledArgs)) {
    throw new Error(
      `Invalid arguments for ${canonicalPath(fn)}: ${RESERVED_COMMIT_TS_FIELD}`,
    );
  }
  const argsJson = JSON.stringify(args.args ?? {});
  tx.metrics.add("functionsScheduled", 1);
  tx.metrics.add("scheduledFunctionArgsBytes", argsJson.length);
  tx.metrics.largestScheduledArgsBytes = Math.max(
    tx.metrics.largestScheduledArgsBytes,
    argsJson.length,
  );
  const table = executor.catalog.ensureTable(
    fn.component.node.path,
    "_scheduled_functions",
  );
  const doc: Document = {
    _id: encodeId(table.number, newInternalId()),
    _creationTime: tx.takeCreationTime(),
    name: fn.udfPath,
    args: [scheduledArgs],
    scheduledTime: scheduledTimeMs,
    state: { kind: "pending" },
  };
  tx.insert(table, doc);
  return doc._id as string;
}

/** Five years of 366 days, Convex's bound on a schedule delay, in seconds. */
const MAX_SCHEDULE_DELAY_SECONDS = 5 * 366 * 24 * 3600;

/**
 * Rejects a scheduled time more than five years from `nowSeconds`, either
 * way, with the texts of Convex's `validate_schedule_args`
 * (crates/udf/src/validation.rs). A time in the past within that bound is
 * accepted and the job runs at once.
 */
function checkScheduleDelay(scheduledSeconds: number, nowSeconds: number) {
  const delta = scheduledSeconds - nowSeconds;
  if (delta > MAX_SCHEDULE_DELAY_SECONDS) {
    throw new Error(
      `${formatUnixTimestamp(scheduledSeconds)} is more than 5 years in the future`,
    );
  }
  if (delta < -MAX_SCHEDULE_DELAY_SECONDS) {
    throw new Error(
      `${formatUnixTimestamp(scheduledSeconds)} is more than 5 years in the past`,
    );
  }
}

/**
 * Formats seconds since the epoch as Rust's `Debug` output of Convex's
 * `UnixTimestamp(Duration)`: `UnixTimestamp(1700000000.5s)`.
 *
 * NOTE: Rust rounds the exact float to nanoseconds, and this rounds the
 * product `fraction * 1e9`, so the last digit can differ in rare cases.
 */
function formatUnixTimestamp(seconds: number): string {
  let whole = Math.floor(seconds);
  let nanos = Math.round((seconds - whole) * 1e9);
  if (nanos === 1e9) {
    whole += 1;
    nanos = 0;
  }
  const fraction =
    nanos === 0 ? "" : `.${String(nanos).padStart(9, "0").replace(/0+$/, "")}`;
  return `UnixTimestamp(${whole}${fraction}s)`;
}

/**
 * Returns the name `ctx.meta.getFunctionMetadata()` reports, as Convex's
 * `UdfPath::strip` spells it: `module:function`, only `module` for a
 * default export, and `http` for an HTTP action (its module is `http.js`).
 */
function functionMetadataName(fn: ExecContext["fn"]): string {
  return fn.kind === "httpAction" ? "http" : strippedUdfPath(fn.udfPath);
}

function cancelJob(
  executor: Executor,
  context: ExecContext,
  tx: Transaction,
  id: string,
) {
  const decoded = decodeId(id);
  const table = decoded
    ? executor.catalog.tableByNumber(
        context.component.node.path,
        decoded.tableNumber,
      )
    : undefined;
  if (!table || table.name !== "_scheduled_functions") {
    throw new Error(`Invalid scheduled function ID "${id}"`);
  }
  const job = tx.get(table, id);
  if (!job) throw new Error(`Scheduled function "${id}" not found`);
  const state = (job.state as { kind: string }).kind;
  if (state === "pending" || state === "inProgress") {
    tx.update(table, id, {
      ...job,
      state: { kind: "canceled" },
      completedTime: realDateNow(),
    });
  }
}
