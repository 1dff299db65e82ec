import { randomUUID } from "node:crypto";
import type { JwtSigner } from "../auth/jwt-signer";
import { decodeId } from "../ids";
import type { Logger } from "../logger";
import { resolveCommitTsJson } from "../runtime/commit-ts";
import { realDateNow, realPreciseNow, realRandom } from "../runtime/global";
import { validateValue, type IdTableLookup } from "../runtime/validators";
import { isPrivateSystemTable, type Catalog } from "../storage/catalog";
import type { Document, DocumentStore } from "../storage/document-store";
import type { Committer } from "../transactions/committer";
import type { OccInsights } from "../transactions/insights";
import { describeInsight, LogThrottle } from "../transactions/insights";
import {
  OCC_CODE,
  OCC_MAX_RETRIES,
  occBackoffMs,
  occErrorMessage,
} from "../transactions/occ";
import { ReadIntervals, toReadSet } from "../transactions/read-set";
import { Transaction } from "../transactions/transaction";
import { FunctionError, toFunctionError } from "./errors";
import { executeFunction, type ExecContext } from "./execution";
import {
  findFunction,
  type ComponentEnvironment,
  type FunctionKind,
  type LoadedApp,
  type ResolvedFunction,
} from "./functions";
import { makeHandlers } from "./syscalls";
import { addWarnings, PendingOperations } from "./warnings";
import { MAX_CONCURRENT_MUTATIONS, Semaphore } from "./admission";
import type { InstancePool, PooledInstance } from "./instance-pool";
import type {
  ActionResult,
  Caller,
  ConvexJson,
  FunctionCall,
  MutationResult,
  QueryResult,
  UserIdentity,
} from "./types";

/** Dependencies of the executor on the rest of the engine. */
export type ExecutorOptions = {
  catalog: Catalog;
  store: DocumentStore;
  committer: Committer;
  insights: OccInsights;
  logger: Logger;
  /** Retries of a mutation after a write conflict; see `OCC_MAX_RETRIES`. */
  occMaxRetries: number;
  cloudUrl: string;
  siteUrl: string;
  storageDir: string;
  env: ComponentEnvironment;
  /** Called after a commit that scheduled functions. */
  onScheduled: () => void;
  /** Returns the key that signs `ctx.auth.signJwt` tokens. */
  jwtSigner: () => Promise<JwtSigner>;
  /** Receives the log lines of every finished top-level call. */
  onFunctionLog?: (udfPath: string, requestId: string, lines: string[]) => void;
};

/** Options for a top-level run. */
export type RunOptions = {
  caller: Caller;
  identity: UserIdentity | null;
  requestId?: string;
  journal?: string | null;
  scheduledFunctionId?: string | null;
  /**
   * Runs inside the transaction after the function body succeeded, with
   * its return value (commit timestamps unresolved) and log lines.
   */
  beforeCommit?: (
    tx: Transaction,
    value: ConvexJson,
    logLines: string[],
  ) => void;
};

type MutationAttempt =
  | {
      done: true;
      result: MutationResult;
      durable: Promise<void>;
      scheduled: boolean;
      logLines: string[];
    }
  | {
      done: false;
      conflict: { tableName: string; id: string; writer: string };
      logLines: string[];
    };

type Outcome =
  { ok: true; value: ConvexJson } | { ok: false; error: FunctionError };

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function qualifiedPath(fn: ResolvedFunction): string {
  const componentPath = fn.component.node.path;
  return componentPath === "" ? fn.udfPath : `${componentPath}/${fn.udfPath}`;
}

/** Runs functions: transactions, OCC retries, nesting and validation. */
export class Executor {
  /**
   * The instance loaded first, with every module evaluated: names resolve,
   * validators and routes are read here. Calls run in their own instances.
   */
  app: LoadedApp = new Map();
  /** Instances for queries and mutations, which queue when no slot is free. */
  transactionPool: InstancePool | null = null;
  /** Instances for actions and HTTP actions. */
  actionPool: InstancePool | null = null;
  /** Bounds the mutations executing at once; see `MAX_CONCURRENT_MUTATIONS`. */
  readonly mutationSlots = new Semaphore(MAX_CONCURRENT_MUTATIONS);

  /** One retry warning per function and table every 10 s at most. */
  private readonly retryLogThrottle = new LogThrottle(10_000);

  constructor(readonly options: ExecutorOptions) {}

  /** Creates an app instance without waiting for a pool; see `InstancePool`. */
  instantiate(): LoadedApp {
    return this.transactionPool!.instantiate();
  }

  /**
   * Takes a module instance from the pool for this kind of function. With
   * `fn`, a module that reuses its context may get its saved instance.
   */
  acquireInstance(kind: FunctionKind, fn?: ResolvedFunction) {
    const pool =
      kind === "query" || kind === "mutation"
        ? this.transactionPool
        : this.actionPool;
    return pool!.acquire(fn);
  }

  get catalog() {
    return this.options.catalog;
  }

  get store() {
    return this.options.store;
  }

  /** Returns the `process.env` of the component at `componentPath`. */
  environment(componentPath: string): Record<string, string> {
    const root = this.app.get("")!.node;
    return this.options.env(root, componentPath);
  }

  /** Maps an ID to its table name in `namespace`. */
  lookupId(namespace: string): IdTableLookup {
    return (id) => {
      const decoded = decodeId(id);
      if (!decoded) return null;
      const table = this.catalog.tableByNumber(namespace, decoded.tableNumber);
      if (!table || isPrivateSystemTable(table.name)) return null;
      return { tableName: table.name, isSystem: table.name.startsWith("_") };
    };
  }

  /** Checks a document against its component's schema; throws on mismatch. */
  validateDocument(namespace: string, tableName: string, doc: Document) {
    const schema = this.app.get(namespace)?.schema;
    if (!schema || !schema.schemaValidation) return;
    const table = schema.tables.find((entry) => entry.tableName === tableName);
    if (!table) {
      throw new Error(
        `Failed to insert or update a document in table "${tableName}" because it does not match the schema: Table "${tableName}" is not in the schema.`,
      );
    }
    const { _id: _ignoredId, _creationTime: _ignoredTime, ...fields } = doc;
    const problem = validateValue(
      table.documentType,
      fields,
      this.lookupId(namespace),
    );
    if (problem) {
      throw new Error(
        `Failed to insert or update a document in table "${tableName}" because it does not match the schema: ${problem}`,
      );
    }
  }

  /** Resolves a client call; throws `FunctionError` with `NotFound`. */
  resolveCall(call: FunctionCall): ResolvedFunction {
    const componentPath = call.componentPath ?? "";
    if (componentPath !== "" && call.caller.kind !== "admin") {
      throw new FunctionError(
        "Only admin callers may call functions of components",
        undefined,
        "Unauthorized",
      );
    }
    const component = this.app.get(componentPath);
    const fn = component ? findFunction(component, call.path) : null;
    if (!fn || (fn.visibility === "internal" && call.caller.kind !== "admin")) {
      throw new FunctionError(
        `Could not find public function for '${strippedPath(call.path)}'${componentPath === "" ? "" : ` in '${componentPath}'`}.`,
        undefined,
        "NotFound",
      );
    }
    return fn;
  }

  private context(
    fn: ResolvedFunction,
    tx: Transaction | null,
    options: RunOptions,
  ): ExecContext {
    let journalEndCursor: string | null = null;
    if (options.journal) {
      try {
        journalEndCursor =
          (JSON.parse(options.journal) as { endCursor?: string }).endCursor ??
          null;
      } catch {
        journalEndCursor = null;
      }
    }
    return {
      instance: null,
      component: fn.component,
      fn,
      tx,
      identity: options.identity,
      caller: options.caller,
      requestId: options.requestId ?? randomUUID(),
      logLines: [],
      pagination: { journalEndCursor, endCursor: null, used: false },
      streams: new Map(),
      scheduledFunctionId: options.scheduledFunctionId ?? null,
      pendingOperations:
        fn.kind === "action" ? new PendingOperations() : undefined,
    };
  }

  /** Runs `fn` in `context`, converting every failure to `FunctionError`. */
  async execute(context: ExecContext, args: ConvexJson): Promise<Outcome> {
    if (!context.instance) {
      const { app, release } = await this.acquireInstance(
        context.fn.kind,
        context.fn,
      );
      try {
        return await this.execute(rebind(context, app), args);
      } finally {
        release();
      }
    }
    try {
      const value = await executeFunction(
        context,
        args,
        makeHandlers(this, context),
        this.environment(context.component.node.path),
        this.lookupId(context.component.node.path),
      );
      return { ok: true, value };
    } catch (thrown) {
      return { ok: false, error: toFunctionError(thrown) };
    } finally {
      addWarnings(context);
    }
  }

  private kindMismatch(fn: ResolvedFunction, expected: string): FunctionError {
    const name = (kind: string) => kind.charAt(0).toUpperCase() + kind.slice(1);
    return new FunctionError(
      `Trying to execute ${fn.udfPath} as ${name(expected)}, but it is defined as ${name(fn.kind)}.`,
    );
  }

  /** Runs a query at `ts` (default: latest). */
  async runQueryResolved(
    fn: ResolvedFunction,
    args: ConvexJson,
    options: RunOptions,
    ts?: bigint,
  ): Promise<QueryResult> {
    if (fn.kind !== "query") {
      const error = this.kindMismatch(fn, "query");
      return {
        ok: false,
        errorMessage: error.message,
        logLines: [],
        ts: ts ?? this.store.latestTs(),
        readSet: toReadSet(new ReadIntervals()),
        journal: null,
      };
    }

    // The snapshot is taken once an instance is free, so a queued query
    // still reads the latest data.
    const { app, release } = await this.acquireInstance("query", fn);
    const snapshot = ts ?? this.store.latestTs();
    // Registered so the history cleanup keeps what this query reads.
    this.options.committer.begin(snapshot);
    let reusable = false;
    try {
      const tx = new Transaction(
        this.store,
        this.catalog,
        snapshot,
        realPreciseNow(),
      );
      const context = rebind(this.context(fn, tx, options), app);
      const outcome = await this.execute(context, args);
      reusable = !context.bodyFailed;
      const journal = context.pagination.used
        ? JSON.stringify({ endCursor: context.pagination.endCursor })
        : null;
      const base = {
        ts: snapshot,
        readSet: toReadSet(tx.readSet),
        journal,
        logLines: context.logLines,
      };
      if (outcome.ok) return { ok: true, value: outcome.value, ...base };
      return { ok: false, ...errorFields(outcome.error), ...base };
    } finally {
      this.options.committer.end(snapshot);
      release(reusable);
    }
  }

  /**
   * Runs a mutation in its own transaction, re-running it after a write
   * conflict up to `occMaxRetries` more times with jittered exponential
   * backoff, then failing with Convex's OCC error.
   */
  async runMutationResolved(
    fn: ResolvedFunction,
    args: ConvexJson,
    options: RunOptions,
  ): Promise<MutationResult> {
    if (fn.kind !== "mutation") {
      const error = this.kindMismatch(fn, "mutation");
      return {
        ok: false,
        errorMessage: error.message,
        logLines: [],
        ts: this.store.latestTs(),
      };
    }
    const path = qualifiedPath(fn);
    const componentPath = fn.component.node.path;
    let lastConflict: { tableName: string; id: string; writer: string } | null =
      null;
    let logLines: string[] = [];
    const maxRetries = this.options.occMaxRetries;
    for (let attempt = 0; attempt <= maxRetries; attempt++) {
      if (attempt > 0) await sleep(occBackoffMs(attempt, realRandom));
      const outcome = await this.attemptMutation(fn, args, options, path);
      logLines = outcome.logLines;
      if (outcome.done) {
        await outcome.durable;
        if (outcome.result.ok && outcome.scheduled) this.options.onScheduled();
        return outcome.result;
      }
      lastConflict = outcome.conflict;
      const event = {
        occ_document_id: lastConflict.id,
        occ_write_source: lastConflict.writer,
        occ_retry_count: attempt,
      };
      if (attempt < maxRetries) {
        const insight = this.options.insights.record(
          "occRetried",
          path,
          componentPath,
          lastConflict.tableName,
          event,
        );
        const held = this.retryLogThrottle.admit(
          `${componentPath}/${path}/${lastConflict.tableName}`,
          realDateNow(),
        );
        if (held !== null) {
          const heldNote =
            held > 0 ? `; ${held} similar retries not logged` : "";
          this.options.logger.warn(
            `${describeInsight(insight)} (document ${lastConflict.id}, written by ${lastConflict.writer}${heldNote})`,
          );
        }
      } else {
        const insight = this.options.insights.record(
          "occFailedPermanently",
          path,
          componentPath,
          lastConflict.tableName,
          event,
        );
        this.options.logger.error(describeInsight(insight));
      }
    }
    const message = occErrorMessage({
      tableName: lastConflict?.tableName ?? null,
      documentId: lastConflict?.id ?? null,
      writer: lastConflict?.writer ?? null,
      mutation: path,
    });
    return {
      ok: false,
      errorMessage: message,
      logLines,
      systemCode: OCC_CODE,
      ts: this.store.latestTs(),
    };
  }

  /**
   * Runs one attempt of a mutation: takes a mutation slot and a module
   * instance, executes at the latest validated commit as of its first
   * read, and validates. Both are released once the commit is staged,
   * before it is durable, because the next attempt's snapshot already includes it. The
   * caller awaits `durable` before acknowledging.
   */
  private async attemptMutation(
    fn: ResolvedFunction,
    args: ConvexJson,
    options: RunOptions,
    path: string,
  ): Promise<MutationAttempt> {
    // Both waits are skipped when a slot is free, which saves the promise
    // of an await on the hot path.
    const slot = this.mutationSlots.acquire();
    const releaseSlot = typeof slot === "function" ? slot : await slot;
    let instance: PooledInstance | null = null;
    let reusable = false;
    const committer = this.options.committer;
    let snapshot: bigint | null = null;
    try {
      const acquired = this.acquireInstance("mutation", fn);
      instance = acquired instanceof Promise ? await acquired : acquired;
      // The snapshot is taken at the first read, after the fresh modules
      // are evaluated, so their evaluation is outside the conflict window.
      const tx = new Transaction(
        this.store,
        this.catalog,
        () => {
          snapshot = committer.snapshotTs();
          committer.begin(snapshot);
          return snapshot;
        },
        realPreciseNow(),
      );
      const context = rebind(this.context(fn, tx, options), instance.app);
      const outcome = await this.execute(context, args);
      // A write conflict found at commit does not discard the instance,
      // because Convex saves the context once the function returned.
      reusable = !context.bodyFailed;
      const logLines = context.logLines;
      const failed = (error: FunctionError): MutationAttempt => ({
        done: true,
        result: {
          ok: false,
          ...errorFields(error),
          logLines,
          ts: tx.snapshotTs,
        },
        // A failure may depend on staged commits, so it waits for them.
        durable: committer.waitDurable(tx.snapshotTs),
        scheduled: false,
        logLines,
      });
      if (!outcome.ok) return failed(outcome.error);
      try {
        options.beforeCommit?.(tx, outcome.value, logLines);
      } catch (thrown) {
        return failed(toFunctionError(thrown));
      }
      const scheduled = [...tx.writes.values()].some(
        (write) => write.table.name === "_scheduled_functions",
      );
      const staged = committer.stage(tx, path);
      if (staged.ok) {
        return {
          done: true,
          result: {
            ok: true,
            // The commit timestamp is known now, so `db.vars.commitTs` in the
            // return value resolves to it, as in the written documents.
            value: resolveCommitTsJson(outcome.value, staged.ts),
            logLines,
            ts: staged.ts,
          },
          durable: staged.durable,
          scheduled,
          logLines,
        };
      }
      return {
        done: false,
        conflict: {
          tableName: staged.conflict.write.tableName,
          id: staged.conflict.write.id,
          writer: staged.conflict.writer,
        },
        logLines,
      };
    } finally {
      if (snapshot !== null) committer.end(snapshot);
      instance?.release(reusable);
      releaseSlot();
    }
  }

  /**
   * Runs engine-internal writes (scheduler state, storage metadata) in
   * their own transaction with the same OCC retries as a mutation.
   */
  async runSystemMutation<T>(
    namespace: string,
    body: (tx: Transaction) => T,
  ): Promise<{ ts: bigint; value: T }> {
    let lastError: Error | null = null;
    for (let attempt = 0; attempt <= OCC_MAX_RETRIES; attempt++) {
      if (attempt > 0) await sleep(occBackoffMs(attempt, realRandom));
      const snapshot = this.options.committer.snapshotTs();
      this.options.committer.begin(snapshot);
      try {
        const tx = new Transaction(
          this.store,
          this.catalog,
          snapshot,
          realPreciseNow(),
        );
        const value = body(tx);
        const scheduled = [...tx.writes.values()].some(
          (write) => write.table.name === "_scheduled_functions",
        );
        const result = await this.options.committer.commit(
          tx,
          `_system${namespace === "" ? "" : `/${namespace}`}`,
        );
        if (result.ok) {
          if (scheduled) this.options.onScheduled();
          return { ts: result.ts, value };
        }
        lastError = new FunctionError(
          occErrorMessage({
            tableName: result.conflict.write.tableName,
            documentId: result.conflict.write.id,
            writer: result.conflict.writer,
            mutation: "_system",
          }),
          undefined,
          OCC_CODE,
        );
      } finally {
        this.options.committer.end(snapshot);
      }
    }
    throw lastError!;
  }

  /** Runs an action outside any transaction. */
  async runActionResolved(
    fn: ResolvedFunction,
    args: ConvexJson,
    options: RunOptions,
  ): Promise<ActionResult> {
    if (fn.kind !== "action") {
      const error = this.kindMismatch(fn, "action");
      return { ok: false, errorMessage: error.message, logLines: [] };
    }
    const context = this.context(fn, null, options);
    const outcome = await this.execute(context, args);
    if (outcome.ok)
      return { ok: true, value: outcome.value, logLines: context.logLines };
    return {
      ok: false,
      ...errorFields(outcome.error),
      logLines: context.logLines,
    };
  }
}

/**
 * Spells a function path as Convex's error texts do: `module:function`
 * without a `.js` extension, with `default` for a bare module.
 */
function strippedPath(udfPath: string): string {
  const colon = udfPath.lastIndexOf(":");
  const module = colon === -1 ? udfPath : udfPath.slice(0, colon);
  const name = colon === -1 ? "default" : udfPath.slice(colon + 1);
  return `${module.replace(/\.js$/, "")}:${name}`;
}

/** Moves a context onto the same function in another module instance. */
function rebind(context: ExecContext, app: LoadedApp): ExecContext {
  const component = app.get(context.component.node.path)!;
  // An inline function is in no bundled module, so it keeps its wrapper.
  const fn = findFunction(component, context.fn.udfPath) ?? {
    ...context.fn,
    component,
  };
  return { ...context, instance: app, component, fn };
}

/** Converts a `FunctionError` to the failure fields of a result. */
export function errorFields(error: FunctionError) {
  return {
    errorMessage: error.message,
    ...(error.data !== undefined ? { errorData: error.data } : {}),
    ...(error.systemCode !== undefined ? { systemCode: error.systemCode } : {}),
  };
}
