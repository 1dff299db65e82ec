import { createHash, randomUUID } from "node:crypto";
import { callerKey } from "../http/authorization.js";
import type {
  Caller,
  ConvexJson,
  FunctionCall,
  QueryResult,
} from "../engine/types.js";
import {
  jsonNestingExceeds,
  MAX_VALUE_NESTING,
} from "../runtime/value-size.js";
import type { CommitHub } from "./commit-hub.js";
import {
  ProtocolError,
  singleArgument,
  type AddQuery,
  type QueryId,
  type RemoveQuery,
  type ServerMessage,
  type StateModification,
} from "./protocol.js";
import { encodeTs } from "./timestamp.js";
import { canonicalizeUdfPath, isRootComponent } from "./udf-path.js";

type SyncedQuery = {
  udfPath: string;
  args: ConvexJson[];
  componentPath?: string;
  journal: string | null;
  /** Hash of the last result sent, to omit unchanged results. */
  resultHash?: string;
  /** Cancels the watch of the current result; unset while invalid. */
  unwatch?: () => void;
};

type Version = { querySet: number; identity: number; ts: bigint };

const ADMIN_ONLY_COMPONENT_MESSAGE =
  "Only admin or system users can call functions on non-root components directly";

/**
 * The query set and identity of one sync connection, and the versions the
 * client and the server have agreed on.
 *
 * Client messages only record what they ask for (`modifyQuerySet`,
 * `setIdentity`). `update` then applies every pending request, re-runs the
 * queries whose results are no longer valid at one snapshot, and returns a
 * single Transition from the last sent version to the new one.
 */
export class QuerySet {
  private readonly queries = new Map<QueryId, SyncedQuery>();
  private pendingModifications: (AddQuery | RemoveQuery)[] = [];
  private pendingCaller: Caller | undefined;
  private caller: Caller = { kind: "anonymous" };
  private receivedQuerySetVersion = 0;
  private receivedIdentityVersion = 0;
  private sent: Version = { querySet: 0, identity: 0, ts: 0n };
  private closed = false;

  constructor(
    private readonly hub: CommitHub,
    /** Called when a result becomes stale and an update is needed. */
    private readonly onStale: () => void,
  ) {}

  /** The identity version the client last sent, for `AuthError`. */
  get identityVersion(): number {
    return this.receivedIdentityVersion;
  }

  /** The caller that new mutations and actions run as. */
  get currentCaller(): Caller {
    return this.pendingCaller ?? this.caller;
  }

  /**
   * Records a `ModifyQuerySet`. Throws `ProtocolError` with code
   * `BaseVersionMismatch` when `baseVersion` is not the last version this
   * client sent.
   */
  modifyQuerySet(
    baseVersion: number,
    newVersion: number,
    modifications: (AddQuery | RemoveQuery)[],
  ): void {
    if (baseVersion !== this.receivedQuerySetVersion) {
      throw new ProtocolError(
        "BaseVersionMismatch",
        `Base version ${baseVersion} passed up doesn't match the current ` +
          `version ${this.receivedQuerySetVersion}`,
      );
    }
    if (newVersion <= baseVersion) {
      throw new ProtocolError(
        "InvalidQuerySetVersion",
        `New query set version ${newVersion} must be greater than the base ` +
          `version ${baseVersion}`,
      );
    }
    this.pendingModifications.push(...modifications);
    this.receivedQuerySetVersion = newVersion;
  }

  /**
   * Records a verified identity from `Authenticate`. Throws `ProtocolError`
   * when `baseVersion` is not the last identity version.
   */
  setIdentity(baseVersion: number, caller: Caller): void {
    if (baseVersion !== this.receivedIdentityVersion) {
      throw new ProtocolError(
        "BaseVersionMismatch",
        `Identity base version ${baseVersion} passed up doesn't match the ` +
          `current version ${this.receivedIdentityVersion}`,
      );
    }
    this.pendingCaller = caller;
    this.receivedIdentityVersion = baseVersion + 1;
  }

  /**
   * Applies pending changes, re-runs stale queries at the hub's latest
   * commit and returns the Transition to send. Returns null when nothing
   * changed, unless `force` is set: a mutation needs a Transition after its
   * response even when no result changed.
   */
  async update(force: boolean): Promise<ServerMessage | null> {
    const pin = this.hub.pin();
    try {
      const ts = pin.ts > this.sent.ts ? pin.ts : this.sent.ts;
      const modifications = this.applyPending();
      const target: Version = {
        querySet: this.receivedQuerySetVersion,
        identity: this.receivedIdentityVersion,
        ts,
      };
      const stale = [...this.queries].filter(([, query]) => !query.unwatch);
      const caller = this.caller;
      const results = await Promise.all(
        stale.map(([, query]) => this.run(query, caller, ts)),
      );
      if (this.closed) {
        return null;
      }
      stale.forEach(([queryId, query], index) => {
        const { key, result } = results[index]!;
        const change = this.complete(queryId, query, key, result, ts);
        if (change) {
          modifications.set(queryId, change);
        }
      });
      return this.transitionTo(target, [...modifications.values()], force);
    } finally {
      pin.release();
    }
  }

  /** Cancels every watch; later updates return null. */
  close(): void {
    this.closed = true;
    for (const query of this.queries.values()) {
      query.unwatch?.();
    }
    this.queries.clear();
  }

  private applyPending(): Map<QueryId, StateModification> {
    const modifications = new Map<QueryId, StateModification>();
    if (this.pendingCaller) {
      // Every result may depend on the identity, so all of them re-run.
      this.caller = this.pendingCaller;
      this.pendingCaller = undefined;
      for (const query of this.queries.values()) {
        query.unwatch?.();
        query.unwatch = undefined;
      }
    }
    for (const modification of this.pendingModifications) {
      if (modification.type === "Remove") {
        this.queries.get(modification.queryId)?.unwatch?.();
        this.queries.delete(modification.queryId);
        modifications.set(modification.queryId, {
          type: "QueryRemoved",
          queryId: modification.queryId,
        });
        continue;
      }
      if (this.queries.has(modification.queryId)) {
        throw new ProtocolError(
          "DuplicateQueryId",
          `Query id ${modification.queryId} is already in the query set`,
        );
      }
      modifications.delete(modification.queryId);
      this.queries.set(modification.queryId, {
        udfPath: canonicalizeUdfPath(modification.udfPath),
        args: modification.args,
        componentPath: modification.componentPath,
        journal: modification.journal ?? null,
      });
    }
    this.pendingModifications = [];
    return modifications;
  }

  private async run(
    query: SyncedQuery,
    caller: Caller,
    ts: bigint,
  ): Promise<{ key: string; result: QueryResult | string }> {
    if (!isRootComponent(query.componentPath) && caller.kind !== "admin") {
      return { key: "", result: ADMIN_ONLY_COMPONENT_MESSAGE };
    }
    let args: ConvexJson;
    try {
      args = singleArgument(query.args);
    } catch (error) {
      return { key: "", result: (error as Error).message };
    }
    const call: FunctionCall = {
      path: query.udfPath,
      args,
      caller,
      componentPath: query.componentPath,
      journal: query.journal,
    };
    // Arguments nested thousands of levels deep overflow JSON.stringify,
    // which would end the session. Any past Convex's limit get a key of
    // their own, and the run fails with Convex's nesting error.
    const key = jsonNestingExceeds(args, MAX_VALUE_NESTING)
      ? `tooNested:${randomUUID()}`
      : JSON.stringify([
          query.componentPath ?? "",
          query.udfPath,
          args,
          query.journal,
          callerKey(caller),
        ]);
    return { key, result: await this.hub.runQueryShared(key, call, ts) };
  }

  /**
   * Stores a fresh result and returns its state modification, or null when
   * the client already has an equal result. A string result is a failure
   * that depends only on the request and the identity, so it needs no
   * watch beyond the next identity change.
   */
  private complete(
    queryId: QueryId,
    query: SyncedQuery,
    key: string,
    result: QueryResult | string,
    ts: bigint,
  ): StateModification | null {
    if (typeof result === "string") {
      query.unwatch = () => undefined;
      return this.changed(query, {
        type: "QueryFailed",
        queryId,
        errorMessage: result,
        logLines: [],
        journal: query.journal,
      });
    }
    query.journal = result.journal;
    const unwatch = this.hub.watch(key, result, ts, () => {
      if (query.unwatch === unwatch && this.queries.get(queryId) === query) {
        query.unwatch = undefined;
        this.onStale();
      }
    });
    query.unwatch = unwatch;
    if (result.ok) {
      return this.changed(query, {
        type: "QueryUpdated",
        queryId,
        value: result.value,
        logLines: result.logLines,
        journal: result.journal,
      });
    }
    return this.changed(query, {
      type: "QueryFailed",
      queryId,
      errorMessage: result.errorMessage,
      logLines: result.logLines,
      ...(result.errorData !== undefined
        ? { errorData: result.errorData }
        : {}),
      journal: result.journal,
    });
  }

  private changed(
    query: SyncedQuery,
    modification: StateModification,
  ): StateModification | null {
    // The real backend hashes value and log lines; the journal only matters
    // to the client together with a new value.
    const { journal: _journal, ...content } = modification as {
      journal?: unknown;
    };
    const hash = createHash("sha256")
      .update(JSON.stringify(content))
      .digest("base64");
    if (hash === query.resultHash) {
      return null;
    }
    query.resultHash = hash;
    return modification;
  }

  private transitionTo(
    target: Version,
    modifications: StateModification[],
    force: boolean,
  ): ServerMessage | null {
    const start = this.sent;
    const unchanged =
      start.querySet === target.querySet &&
      start.identity === target.identity &&
      start.ts === target.ts;
    if (unchanged && modifications.length === 0 && !force) {
      return null;
    }
    this.sent = target;
    return {
      type: "Transition",
      startVersion: { ...start, ts: encodeTs(start.ts) },
      endVersion: { ...target, ts: encodeTs(target.ts) },
      modifications,
    };
  }
}
