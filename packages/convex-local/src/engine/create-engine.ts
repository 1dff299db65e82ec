import { rmSync } from "node:fs";
import type { ComponentNode } from "../bundle/components";
import path from "node:path";
import { createTokenVerifier, type AuthProvider } from "../auth";
import { createLogger, type Logger } from "../logger";
import {
  Catalog,
  BY_CREATION_TIME,
  BY_ID,
  SYSTEM_TABLE_NUMBERS,
} from "../storage/catalog";
import { openDatabase } from "../storage/database";
import { WorkerBatchWriter } from "../storage/commit-writer";
import { DocumentStore } from "../storage/document-store";
import { EnvStore, type EnvChange } from "../storage/env-store";
import { checkEnvChanges } from "./env-rules";
import {
  DEFAULT_RETENTION_MS,
  RetentionTask,
  type CleanupStats,
} from "../storage/retention";
import { Committer } from "../transactions/committer";
import { OccInsights } from "../transactions/insights";
import { OCC_MAX_RETRIES } from "../transactions/occ";
import {
  fromReadSet,
  fromWriteSet,
  toWriteSet,
} from "../transactions/read-set";
import { CronRunner } from "../scheduler/crons";
import { Scheduler } from "../scheduler/scheduler";
import { FunctionError } from "./errors";
import { errorFields, Executor, type RunOptions } from "./executor";
import { componentEnvironment } from "./component-env";
import {
  checkDeploymentEnv,
  checkEnvBindings,
  checkDeclaredEnvChanges,
  EnvDeclarationError,
} from "./env-declarations";
import {
  bundleApp,
  type ComponentEnvironment,
  type LoadedApp,
  type ResolvedFunction,
} from "./functions";
import { InstancePool } from "./instance-pool";
import { runHttpAction } from "./http-actions";
import { runInlineMutation } from "./inline";
import {
  clearTable,
  countDocuments,
  exportDocuments,
  importDocuments,
  type ExportedDocument,
} from "./snapshot";
import { readBlob, storeBlob } from "./syscalls-storage";
import { uploadTokensFor } from "./upload-tokens";
import type {
  ActionResult,
  Engine,
  FunctionCall,
  FunctionFailure,
  MutationResult,
  QueryResult,
  SessionRequestId,
  UserIdentity,
} from "./types";
import { toReadSet } from "../transactions/read-set";
import { ReadIntervals } from "../transactions/read-set";
import { backingIndexes } from "../search/indexes";
import { SessionRequests } from "../sync/mutation-store";
import { JwtSigner } from "../auth/jwt-signer";
import { newRequestId, withServerErrorPrefix } from "../runtime/server-error";
import { realDateNow } from "../runtime/global";

/** Options of `createEngine`. */
export type EngineOptions = {
  /** The folder that contains `convex/`. */
  projectDir: string;
  /** Folder for the database, bundles and stored files. */
  stateDir: string;
  /** `CONVEX_CLOUD_URL` of functions. */
  cloudUrl: string;
  /** `CONVEX_SITE_URL` of functions. */
  siteUrl: string;
  logger?: Logger;
  /** Admin key accepted by `isAdminKey`; without one no key is accepted. */
  adminKey?: string;
  /**
   * How long replaced document versions and index entries stay readable,
   * in milliseconds; `DEFAULT_RETENTION_MS` when unset.
   */
  retentionMs?: number;
  /**
   * Retries of a mutation after a write conflict before it fails;
   * `OCC_MAX_RETRIES` when unset. Tests lower it to force a permanent
   * conflict.
   */
  occMaxRetries?: number;
};

/** The engine with the extras the CLI and tests use. */
export type LocalEngine = Engine & {
  /** Re-bundles `convex/` and swaps modules in; data stays. */
  reload(): Promise<void>;
  /** Stores a file as `_storage` of the app; returns its storage ID. */
  storeFile(bytes: Uint8Array, contentType: string | null): Promise<string>;
  /** Reads a stored file of the app, or null. */
  readFile(
    storageId: string,
  ): Promise<{ bytes: Buffer; contentType: string | null } | null>;
  /**
   * Runs a closure as an internal mutation of the app in one transaction,
   * for test setup and inspection; resolves to its result.
   */
  runInlineMutation<T>(handler: (ctx: never) => Promise<T>): Promise<T>;
  /** `exportDocuments` of `Engine`, typed as the lazy generator it is. */
  exportDocuments(ts?: bigint): Generator<ExportedDocument>;
  /**
   * Runs one pass of the history cleanup now (it also runs every minute)
   * and resolves with the number of rows it deleted.
   */
  cleanUpHistory(): Promise<CleanupStats>;
  /** Subscribes to function log lines of finished top-level calls. */
  onFunctionLog(
    listener: (udfPath: string, requestId: string, lines: string[]) => void,
  ): () => void;
};

/**
 * Recorded mutation results after which expired ones are deleted, so the
 * table stays small without a timer.
 */
const PRUNE_EVERY_RESULTS = 256;

/** Gives a call the request ID that its logs and error messages name. */
function withRequestId(
  call: FunctionCall,
): FunctionCall & { requestId: string } {
  return { ...call, requestId: call.requestId ?? newRequestId() };
}

function optionsFor(call: FunctionCall): RunOptions {
  const caller = call.caller;
  const identity =
    caller.kind === "user"
      ? caller.identity
      : caller.kind === "admin"
        ? (caller.identity ?? null)
        : null;
  return {
    caller,
    identity,
    requestId: call.requestId,
    journal: call.journal ?? null,
  };
}

/**
 * Creates the engine for `<projectDir>/convex`: bundles the app and its
 * components, opens the SQLite state in `stateDir`, applies schemas and
 * starts the scheduler.
 */
export async function createEngine(
  options: EngineOptions,
): Promise<LocalEngine> {
  const logger = options.logger ?? createLogger("engine");
  const convexDir = path.join(options.projectDir, "convex");
  const db = openDatabase(options.stateDir);
  const catalog = new Catalog(db);
  const store = new DocumentStore(db, catalog);
  const batchWriter = new WorkerBatchWriter(db.name);
  store.useWriter(batchWriter);
  const envStore = new EnvStore(db);
  const sessionRequests = new SessionRequests(store, catalog);
  let signer: Promise<JwtSigner> | null = null;
  const jwtSigner = () => (signer ??= JwtSigner.open(db));
  // Convex moves its latest timestamp to the wall clock within 5 s of a
  // start, also without commits (`MAX_REPEATABLE_TIMESTAMP_COMMIT_DELAY` in
  // crates/common/src/knobs.rs). So a client that observed an earlier state,
  // even of a deleted state folder, reconnects with a timestamp that is not
  // ahead. The bump precedes the committer, whose timestamps follow it.
  store.bumpTs(BigInt(realDateNow()) * 1_000_000n);
  const committer = new Committer(store, logger);
  const insights = new OccInsights();
  const retention = new RetentionTask(
    db,
    {
      latestTs: () => store.latestTs(),
      oldestActiveSnapshot: () => committer.oldestActiveSnapshot(),
      setHorizon: (ts) => store.setHorizon(ts),
    },
    options.retentionMs ?? DEFAULT_RETENTION_MS,
    (error) => logger.error(`History cleanup failed: ${error.message}`),
  );
  const logListeners = new Set<
    (udfPath: string, requestId: string, lines: string[]) => void
  >();
  let scheduler: Scheduler | null = null;
  let crons: CronRunner | null = null;

  /**
   * Checks every change against Convex's rules for names, values and
   * limits and against the app's declarations, then applies all.
   * Convex's saved contexts read the variables when they were created, so
   * a change makes every later call start fresh.
   */
  const updateEnv = async (changes: EnvChange[]) => {
    const ordered = checkEnvChanges(envStore.list(), changes);
    checkDeclaredEnvChanges(executor.app.get("")!.node, ordered);
    envStore.apply(ordered);
    envByComponent = new WeakMap();
    executor.transactionPool?.clearSaved();
  };
  // Every call reads its component's variables, so they are computed once
  // per app tree and component until the next change.
  let envByComponent = new WeakMap<
    ComponentNode,
    Map<string, Record<string, string>>
  >();
  const env: ComponentEnvironment = (root, componentPath) => {
    let byPath = envByComponent.get(root);
    if (!byPath) {
      byPath = new Map();
      envByComponent.set(root, byPath);
    }
    let vars = byPath.get(componentPath);
    if (!vars) {
      vars = Object.freeze(
        componentEnvironment(root, componentPath, envStore.list(), {
          cloudUrl: options.cloudUrl,
          siteUrl: options.siteUrl,
        }),
      );
      byPath.set(componentPath, vars);
    }
    return vars;
  };
  const executor = new Executor({
    catalog,
    store,
    committer,
    insights,
    logger,
    occMaxRetries: options.occMaxRetries ?? OCC_MAX_RETRIES,
    cloudUrl: options.cloudUrl,
    siteUrl: options.siteUrl,
    storageDir: path.join(options.stateDir, "storage"),
    env,
    onScheduled: () => scheduler?.kick(),
    jwtSigner,
    onFunctionLog: (udfPath, requestId, lines) => {
      for (const listener of logListeners) listener(udfPath, requestId, lines);
    },
  });

  let verify: ((token: string) => Promise<UserIdentity>) | null = null;
  let generation = 0;
  let currentDir: string | null = null;

  const applySchemas = (app: LoadedApp) => {
    db.transaction(() => {
      for (const component of app.values()) {
        const namespace = component.node.path;
        for (const name of Object.keys(SYSTEM_TABLE_NUMBERS))
          catalog.ensureTable(namespace, name);
        for (const table of component.schema?.tables ?? []) {
          const info = catalog.ensureTable(namespace, table.tableName);
          const declared = new Set<string>();
          const indexes = [
            ...table.indexes.map((index) => ({
              name: index.indexDescriptor,
              fields: [...index.fields, "_creationTime", "_id"],
            })),
            ...backingIndexes(table),
          ];
          for (const index of indexes) {
            declared.add(index.name);
            if (catalog.ensureIndex(info, index.name, index.fields)) {
              store.backfill(info, info.indexes.get(index.name)!);
            }
          }
          for (const name of [...info.indexes.keys()]) {
            if (
              name !== BY_ID &&
              name !== BY_CREATION_TIME &&
              !declared.has(name)
            ) {
              catalog.dropIndex(info, name);
            }
          }
        }
      }
    })();
  };

  const load = async () => {
    generation += 1;
    const outDir = path.join(
      options.stateDir,
      "modules",
      `${Date.now()}-${generation}`,
    );
    const started = Date.now();
    const bundle = await bundleApp(convexDir, outDir, env);
    const app = bundle.instantiate();
    // Evaluating every module once reports a failing module at load time.
    for (const component of app.values())
      for (const modulePath of component.modules.paths())
        component.modules.get(modulePath);
    checkPushedEnv(bundle.tree, envStore.list(), generation === 1, logger);
    // Backfills read SQLite, so staged commits are written first.
    await committer.flush();
    applySchemas(app);
    executor.app = app;
    executor.transactionPool = new InstancePool(bundle, true);
    executor.actionPool = new InstancePool(bundle, false);
    const providers = (app.get("")?.authProviders ??
      []) as unknown as AuthProvider[];
    verify = createTokenVerifier(providers);
    if (currentDir) rmSync(currentDir, { recursive: true, force: true });
    currentDir = outDir;
    logger.info(
      `Loaded ${app.size} component(s) from ${convexDir} in ${Date.now() - started} ms`,
    );
  };

  /**
   * The latest run of each sync mutation still running, by session and
   * request id, settled without a value. A copy that a client re-sends
   * after a reconnect may arrive while the first is running, before its
   * result is recorded, so it waits for that run and then reads the
   * result.
   */
  const sessionRequestsRunning = new Map<string, Promise<void>>();

  /** Runs `run` after every earlier run of `request` has settled. */
  async function afterEarlierCopies<T>(
    request: SessionRequestId,
    run: () => Promise<T>,
  ): Promise<T> {
    const key = `${request.sessionId}/${request.requestId}`;
    const earlier = sessionRequestsRunning.get(key);
    const result = earlier ? earlier.then(run) : run();
    const settled = result.then(
      () => {},
      () => {},
    );
    sessionRequestsRunning.set(key, settled);
    try {
      return await result;
    } finally {
      if (sessionRequestsRunning.get(key) === settled) {
        sessionRequestsRunning.delete(key);
      }
    }
  }

  let recordedSincePrune = 0;
  let pruning: Promise<number> = Promise.resolve(0);
  /**
   * Deletes a batch of expired mutation results and returns how many. A
   * failure is logged and counts as none.
   */
  function deleteExpiredSessionRequests(): Promise<number> {
    recordedSincePrune = 0;
    pruning = executor
      .runSystemMutation("", (tx) => sessionRequests.deleteExpired(tx))
      .then(
        (result) => result.value,
        (error: Error) => {
          logger.error(
            `Deleting expired mutation results failed: ${error.message}`,
          );
          return 0;
        },
      );
    return pruning;
  }

  await load();
  // Expired mutation results are deleted in batches until none is left.
  let deleted = await deleteExpiredSessionRequests();
  while (deleted > 0) deleted = await deleteExpiredSessionRequests();
  scheduler = new Scheduler(executor, logger);
  await scheduler.start();
  crons = new CronRunner(executor, logger);
  crons.start();
  retention.start();

  const logCall = (
    path: string,
    requestId: string | undefined,
    lines: string[],
  ) => {
    if (lines.length > 0)
      executor.options.onFunctionLog?.(path, requestId ?? "", lines);
  };

  /** Resolves a call's function, or returns the failure to send back. */
  const resolve = (
    call: FunctionCall,
  ):
    | { fn: ResolvedFunction; failure?: undefined }
    | { fn?: undefined; failure: FunctionFailure } => {
    try {
      return { fn: executor.resolveCall(call) };
    } catch (error) {
      const fields = errorFields(error as FunctionError);
      return { failure: { ok: false, ...fields, logLines: [] } };
    }
  };

  /** Runs a mutation, or returns the recorded result of a re-sent copy. */
  async function runMutationOnce(
    request: FunctionCall,
  ): Promise<MutationResult> {
    const call = withRequestId(request);
    const sessionRequest = call.sessionRequest;
    // The recorded result is returned before the function is looked up,
    // so a re-sent copy gets it even after a reload removed the function.
    const recorded = sessionRequest && sessionRequests.get(sessionRequest);
    if (recorded) return recorded;
    const { fn, failure } = resolve(call);
    if (failure) {
      return withServerErrorPrefix(
        { ...failure, ts: store.latestTs() },
        call.requestId,
      );
    }
    const options: RunOptions = optionsFor(call);
    if (sessionRequest) {
      options.beforeCommit = (tx, value, logLines) =>
        sessionRequests.record(tx, sessionRequest, value, logLines);
    }
    const result = await executor.runMutationResolved(fn, call.args, options);
    if (result.ok && sessionRequest) {
      recordedSincePrune += 1;
      if (recordedSincePrune >= PRUNE_EVERY_RESULTS) {
        void deleteExpiredSessionRequests();
      }
    }
    logCall(call.path, call.requestId, result.logLines);
    return withServerErrorPrefix(result, call.requestId);
  }

  const engine: LocalEngine = {
    latestTs: () => store.latestTs(),

    async runQuery(request, ts): Promise<QueryResult> {
      const call = withRequestId(request);
      const { fn, failure } = resolve(call);
      if (failure) {
        return withServerErrorPrefix(
          {
            ...failure,
            ts: ts ?? store.latestTs(),
            readSet: toReadSet(new ReadIntervals()),
            journal: null,
          },
          call.requestId,
        );
      }
      const result = await executor.runQueryResolved(
        fn,
        call.args,
        optionsFor(call),
        ts,
      );
      logCall(call.path, call.requestId, result.logLines);
      return withServerErrorPrefix(result, call.requestId);
    },

    runMutation(request): Promise<MutationResult> {
      const sessionRequest = request.sessionRequest;
      if (sessionRequest) {
        return afterEarlierCopies(sessionRequest, () =>
          runMutationOnce(request),
        );
      }
      return runMutationOnce(request);
    },

    async runAction(request): Promise<ActionResult> {
      const call = withRequestId(request);
      const { fn, failure } = resolve(call);
      if (failure) return withServerErrorPrefix(failure, call.requestId);
      const result = await executor.runActionResolved(
        fn,
        call.args,
        optionsFor(call),
      );
      logCall(call.path, call.requestId, result.logLines);
      return withServerErrorPrefix(result, call.requestId);
    },

    async runFunction(call) {
      const { fn, failure } = resolve(call);
      if (failure) return failure;
      if (fn.kind === "query") {
        const {
          readSet: _readSet,
          journal: _journal,
          ...rest
        } = await engine.runQuery(call);
        return rest;
      }
      if (fn.kind === "mutation") return engine.runMutation(call);
      if (fn.kind === "action") return engine.runAction(call);
      return {
        ok: false,
        errorMessage: `${call.path} is an HTTP action`,
        logLines: [],
        systemCode: "BadRequest",
      };
    },

    runHttpAction: (request) =>
      runHttpAction(executor, request, engine.authenticate),

    overlaps: (readSet, writes) =>
      fromReadSet(readSet).conflict(fromWriteSet(writes)) !== null,

    onCommit: (listener) =>
      committer.onCommit((commit) =>
        listener({ ts: commit.ts, writes: toWriteSet(commit) }),
      ),

    async authenticate(token) {
      if (!verify) throw new Error("The engine has not loaded an auth config");
      return verify(token);
    },

    isAdminKey: (key) =>
      options.adminKey !== undefined && key === options.adminKey,

    env: {
      list: async () => envStore.list(),
      set: async (name, value) => updateEnv([{ name, value }]),
      remove: async (name) => updateEnv([{ name }]),
      update: async (changes) => updateEnv(changes),
    },

    async reload() {
      await load();
      crons?.start();
    },

    insights: () => insights.list(),

    runInlineMutation: (handler) => runInlineMutation(executor, handler),

    exportDocuments: (ts) => exportDocuments(executor, ts ?? store.latestTs()),

    importDocuments: (componentPath, table, documents) =>
      importDocuments(executor, componentPath, table, documents),

    clearTable: (componentPath, table) =>
      clearTable(executor, componentPath, table),

    countDocuments: (componentPath, table) =>
      countDocuments(executor, componentPath, table),

    jwks: async () => (await jwtSigner()).jwks(),

    cleanUpHistory: () => retention.runPass(),

    storeFile: (bytes, contentType) =>
      storeBlob(executor, "", bytes, contentType),

    readFile: (storageId) => readBlob(executor, "", storageId),

    async storeUpload(token, bytes, contentType) {
      const namespace = uploadTokensFor(executor).take(token);
      if (namespace === null) return null;
      return await storeBlob(executor, namespace, bytes, contentType);
    },

    onFunctionLog(listener) {
      logListeners.add(listener);
      return () => logListeners.delete(listener);
    },

    async close() {
      crons?.stop();
      await retention.stop();
      await scheduler?.stop();
      await pruning;
      // Staged commits are written before closing.
      await committer.flush();
      await batchWriter.close();
      db.close();
    },
  };
  return engine;
}

/**
 * Runs Convex's push checks of env declarations and of the deployment's
 * variables. A failure names Convex's error code, as the Convex CLI prints
 * a rejected push. On the first load, missing or invalid deployment
 * variables are only logged, so the backend starts and `convex-local env
 * set` can fix them.
 *
 * NOTE: Convex rejects such a first push too. Here the functions then run
 * without the variables until they are set.
 */
function checkPushedEnv(
  root: ComponentNode,
  deploymentEnv: Record<string, string>,
  firstLoad: boolean,
  logger: Logger,
): void {
  try {
    checkEnvBindings(root);
    checkDeploymentEnv(root, deploymentEnv);
  } catch (error) {
    if (!(error instanceof EnvDeclarationError)) throw error;
    const message = `${error.code}: ${error.message}`;
    const isDeploymentProblem =
      error.code === "MissingEnvironmentVariables" ||
      error.code === "InvalidEnvironmentVariable";
    if (firstLoad && isDeploymentProblem) {
      logger.error(
        `${message} Loading the functions anyway. Run \`convex-local env set NAME VALUE\` to set the variables.`,
      );
      return;
    }
    throw new Error(message, { cause: error });
  }
}
