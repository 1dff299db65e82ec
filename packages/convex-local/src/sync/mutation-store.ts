import type {
  ConvexJson,
  MutationResult,
  SessionRequestId,
} from "../engine/types.js";
import { encodeId, newInternalId } from "../ids/index.js";
import { resolveCommitTsJson } from "../runtime/commit-ts.js";
import { realDateNow } from "../runtime/global.js";
import { BY_CREATION_TIME, type Catalog } from "../storage/catalog.js";
import type { DocumentStore } from "../storage/document-store.js";
import { encodeKey, prefixEnd } from "../storage/key-encoding.js";
import type { Transaction } from "../transactions/transaction.js";

/** A successful mutation result, as recorded for its session request. */
export type MutationSuccess = Extract<MutationResult, { ok: true }>;

/** The system table of mutation results, in the root namespace. */
const SESSION_REQUESTS_TABLE = "_session_requests";

/**
 * Index of `_session_requests` by `sessionId`, then `requestId`, declared
 * in `SYSTEM_TABLE_INDEXES`.
 */
const SESSION_REQUESTS_INDEX = "by_session_id_and_request_id";

/**
 * How long a result is kept, in milliseconds. Clients re-send unresolved
 * mutations as soon as they reconnect, so an hour covers a restart.
 */
const DEFAULT_TTL_MS = 60 * 60_000;

/** Expired records deleted by one `deleteExpired` call at most. */
const DELETE_BATCH = 256;

/**
 * Results of mutations sent over the sync protocol, kept by `(sessionId,
 * requestId)` so that a copy a client re-sends after a reconnect, a
 * restart or a crash gets the first result instead of running again.
 *
 * As on Convex (`SessionRequestModel` in
 * crates/model/src/session_requests/mod.rs), each result is a document of
 * the `_session_requests` system table, inserted in the mutation's own
 * transaction. So it commits atomically with the mutation's writes, and
 * its commit timestamp is the mutation's.
 */
export class SessionRequests {
  constructor(
    private readonly store: DocumentStore,
    private readonly catalog: Catalog,
    private readonly ttlMs = DEFAULT_TTL_MS,
    private readonly now: () => number = realDateNow,
  ) {}

  /**
   * Returns the result recorded for `request` as of the latest durable
   * commit, or undefined when there is none or it expired.
   */
  get(request: SessionRequestId): MutationSuccess | undefined {
    const table = this.catalog.table("", SESSION_REQUESTS_TABLE);
    const index = table?.indexes.get(SESSION_REQUESTS_INDEX);
    if (!table || !index) return undefined;
    const prefix = encodeKey([request.sessionId, BigInt(request.requestId)]);
    const latest = this.store.latestTs();
    for (const entry of this.store.scan(
      index.indexId,
      prefix,
      prefixEnd(prefix),
      latest,
      "asc",
    )) {
      const doc = this.store.load(table.tableId, entry.id, latest);
      if ((doc._creationTime as number) < this.now() - this.ttlMs) {
        return undefined;
      }
      // The entry was written by the mutation's commit, so its timestamp
      // resolves `db.vars.commitTs` in the return value.
      const value = JSON.parse(doc.result as string) as ConvexJson;
      return {
        ok: true,
        value: resolveCommitTsJson(value, entry.ts),
        logLines: doc.logLines as string[],
        ts: entry.ts,
      };
    }
    return undefined;
  }

  /**
   * Inserts the result of `request` into the mutation's transaction `tx`.
   * `value` is the return value with commit timestamps still unresolved.
   */
  record(
    tx: Transaction,
    request: SessionRequestId,
    value: ConvexJson,
    logLines: string[],
  ): void {
    const table = this.catalog.ensureTable("", SESSION_REQUESTS_TABLE);
    tx.insert(table, {
      _id: encodeId(table.number, newInternalId()),
      _creationTime: tx.takeCreationTime(),
      sessionId: request.sessionId,
      requestId: BigInt(request.requestId),
      result: JSON.stringify(value),
      logLines,
    });
  }

  /** Deletes up to `limit` expired results in `tx` and returns how many. */
  deleteExpired(tx: Transaction, limit = DELETE_BATCH): number {
    const table = this.catalog.table("", SESSION_REQUESTS_TABLE);
    if (!table) return 0;
    const scan = tx.scan(
      table,
      table.indexes.get(BY_CREATION_TIME)!,
      Buffer.alloc(0),
      encodeKey([this.now() - this.ttlMs]),
      "asc",
    );
    let deleted = 0;
    for (let next = scan.next(); next && deleted < limit; next = scan.next()) {
      tx.update(table, next.doc._id as string, null);
      deleted += 1;
    }
    return deleted;
  }
}
