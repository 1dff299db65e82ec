/**
 * The contract between the engine (bundling, runtime, storage, transactions)
 * and the transports (HTTP API, WebSocket sync, HTTP actions site, CLI).
 *
 * Values crossing this boundary are in Convex's JSON encoding
 * (`convexToJson` form): int64 as `{$integer}`, bytes as `{$bytes}` and so on.
 * Timestamps are Convex timestamps: nanoseconds since the epoch, as bigint.
 */

import type { OccInsight } from "../transactions/insights";
import type { ExportedDocument } from "./snapshot";
import type { Jwks } from "../auth/jwt-signer";

/** A JSON value in `convexToJson` form. */
export type ConvexJson =
  | null
  | boolean
  | number
  | string
  | ConvexJson[]
  | { [key: string]: ConvexJson };

/** The identity a function runs with, as `ctx.auth.getUserIdentity()` returns it. */
export type UserIdentity = {
  tokenIdentifier: string;
  subject: string;
  issuer: string;
  [claim: string]: unknown;
};

/** Who is calling: nobody, a verified user, or the deployment admin. */
export type Caller =
  | { kind: "anonymous" }
  | { kind: "user"; identity: UserIdentity; token: string }
  | { kind: "admin"; identity?: UserIdentity };

/** One function call from a client. */
export type FunctionCall = {
  /** Canonical `module:function` path, for example `forms:list`. */
  path: string;
  /** The single argument object, in `convexToJson` form. */
  args: ConvexJson;
  caller: Caller;
  /** Component path; `""` or undefined is the root app. Needs admin. */
  componentPath?: string;
  /** Opaque journal from a previous run of the same query. */
  journal?: string | null;
  /** Metadata for `ctx.meta` and logs. */
  requestId?: string;
  /**
   * Set for a mutation sent over the sync protocol. The engine records its
   * result, and a re-sent copy returns that result without running again.
   */
  sessionRequest?: SessionRequestId;
};

/** The `(sessionId, requestId)` pair of a sync protocol mutation. */
export type SessionRequestId = { sessionId: string; requestId: number };

/**
 * The set of index intervals a query or mutation read. Opaque to transports:
 * they only hand it back to `Engine.overlaps`.
 */
export type ReadSet = { readonly __readSet: unique symbol };

/** The writes of one commit, opaque to transports. */
export type WriteSet = { readonly __writeSet: unique symbol };

export type FunctionSuccess = {
  ok: true;
  value: ConvexJson;
  logLines: string[];
};

export type FunctionFailure = {
  ok: false;
  errorMessage: string;
  /** Present only when the function threw a `ConvexError`. */
  errorData?: ConvexJson;
  logLines: string[];
  /**
   * Set when the failure is a system error rather than a user error:
   * `"OptimisticConcurrencyControlFailure"` after the last OCC retry,
   * `"NotFound"` for an unknown function, `"BadRequest"` for invalid
   * arguments to the call itself.
   */
  systemCode?: string;
};

export type QueryResult = (FunctionSuccess | FunctionFailure) & {
  /** The snapshot timestamp the query read at. */
  ts: bigint;
  readSet: ReadSet;
  journal: string | null;
};

export type MutationResult = (FunctionSuccess | FunctionFailure) & {
  /**
   * Commit timestamp on success; for a mutation that wrote nothing, a
   * timestamp no later than its snapshot.
   */
  ts: bigint;
};

export type ActionResult = FunctionSuccess | FunctionFailure;

export type Commit = { ts: bigint; writes: WriteSet };

/** Operations the transports call on the engine. */
export interface Engine {
  /** Latest committed timestamp. */
  latestTs(): bigint;
  /** Runs a query at `ts` (default: latest). */
  runQuery(call: FunctionCall, ts?: bigint): Promise<QueryResult>;
  /** Runs a mutation, retrying on OCC conflicts; resolves after a durable commit. */
  runMutation(call: FunctionCall): Promise<MutationResult>;
  runAction(call: FunctionCall): Promise<ActionResult>;
  /** Runs any function type, as `/api/function` does. */
  runFunction(call: FunctionCall): Promise<ActionResult & { ts?: bigint }>;
  /** Serves one request on the HTTP actions site (`convex/http.ts`). */
  runHttpAction(request: Request): Promise<Response>;
  /** True when `writes` touch any interval in `readSet`. */
  overlaps(readSet: ReadSet, writes: WriteSet): boolean;
  /** Subscribes to every commit, in commit order; returns an unsubscribe. */
  onCommit(listener: (commit: Commit) => void): () => void;
  /**
   * Verifies a user JWT against `auth.config.ts` providers and returns the
   * identity, or throws an Error whose message explains why it is invalid.
   */
  authenticate(token: string): Promise<UserIdentity>;
  /** Checks an admin key (`Convex <key>` auth header value without prefix). */
  isAdminKey(key: string): boolean;
  /** Environment variables for functions. */
  env: {
    list(): Promise<Record<string, string>>;
    set(name: string, value: string): Promise<void>;
    remove(name: string): Promise<void>;
    /**
     * Sets each variable that has a value and removes the others, in
     * order. Applies none when any change fails its checks.
     */
    update(changes: { name: string; value?: string }[]): Promise<void>;
  };
  /** OCC retry and permanent failure counters per function and table. */
  insights(): OccInsight[];
  /**
   * Yields every document of every user table at `ts` (default: latest),
   * for JSONL snapshot exports.
   */
  exportDocuments(ts?: bigint): Iterable<ExportedDocument>;
  /**
   * Inserts documents into a table of a component; returns their IDs. A
   * document keeps its `_id` and `_creationTime` when the ID belongs to
   * the table and is free.
   */
  importDocuments(
    componentPath: string,
    table: string,
    documents: ConvexJson[],
  ): Promise<string[]>;
  /** Deletes every document of a table; returns how many it deleted. */
  clearTable(componentPath: string, table: string): Promise<number>;
  /** Counts the documents of a table at the latest timestamp. */
  countDocuments(componentPath: string, table: string): number;
  /** Public keys that verify `ctx.auth.signJwt` tokens, when it signs any. */
  jwks?(): Promise<Jwks>;
  /**
   * Stores the body of a POST to an upload URL and returns its storage ID,
   * or null when the URL's token is unknown, used or expired.
   */
  storeUpload?(
    token: string,
    bytes: Uint8Array,
    contentType: string | null,
  ): Promise<string | null>;
  /** Reads a stored file of the app for its `getUrl` URL, or null. */
  readFile?(
    storageId: string,
  ): Promise<{ bytes: Buffer; contentType: string | null } | null>;
  close(): Promise<void>;
}
