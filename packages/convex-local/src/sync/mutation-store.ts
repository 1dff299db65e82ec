import type { MutationResult } from "../engine/types.js";
import type { SqliteDatabase } from "../storage/database.js";

/** A successful mutation result as the mutation log keeps it. */
export type MutationSuccess = Extract<MutationResult, { ok: true }>;

/** Durable storage of mutation results by `(sessionId, requestId)` key. */
export interface MutationResultStore {
  /** Returns the stored result of a key, or undefined when absent or expired. */
  get(key: string): MutationSuccess | undefined;
  /** Stores the result of a key, replacing an older one. */
  put(key: string, result: MutationSuccess): void;
}

/**
 * How long a result is kept, in milliseconds. Clients re-send unresolved
 * mutations as soon as they reconnect, so an hour covers a restart.
 */
const DEFAULT_TTL_MS = 60 * 60_000;

/** Expired rows are deleted after this many writes, and at start. */
const PRUNE_EVERY_PUTS = 256;

/**
 * Mutation results in the `mutation_results` SQLite table, so a mutation
 * that a client re-sends after a backend restart gets the result of its
 * first run instead of running again.
 *
 * NOTE: the result is written right after the mutation's commit, not in
 * the same SQLite transaction as its writes, so a crash between the two
 * loses the entry and a re-sent copy runs again.
 */
export class SqliteMutationResults implements MutationResultStore {
  private readonly select;
  private readonly upsert;
  private readonly deleteBefore;
  private putsSincePrune = 0;

  constructor(
    db: SqliteDatabase,
    private readonly ttlMs = DEFAULT_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS mutation_results (
      key TEXT PRIMARY KEY,
      result TEXT NOT NULL,
      created_at INTEGER NOT NULL
    )`);
    this.select = db.prepare(
      "SELECT result, created_at FROM mutation_results WHERE key = ?",
    );
    this.upsert = db.prepare(
      "INSERT OR REPLACE INTO mutation_results (key, result, created_at) VALUES (?, ?, ?)",
    );
    this.deleteBefore = db.prepare(
      "DELETE FROM mutation_results WHERE created_at < ?",
    );
    this.prune();
  }

  get(key: string): MutationSuccess | undefined {
    const row = this.select.get(key) as
      { result: string; created_at: number } | undefined;
    if (!row || row.created_at < this.now() - this.ttlMs) return undefined;
    const stored = JSON.parse(row.result) as Omit<MutationSuccess, "ts"> & {
      ts: string;
    };
    return { ...stored, ts: BigInt(stored.ts) };
  }

  put(key: string, result: MutationSuccess): void {
    const json = JSON.stringify({ ...result, ts: result.ts.toString() });
    this.upsert.run(key, json, this.now());
    this.putsSincePrune += 1;
    if (this.putsSincePrune >= PRUNE_EVERY_PUTS) this.prune();
  }

  /** Deletes expired results and returns how many rows it deleted. */
  prune(): number {
    this.putsSincePrune = 0;
    return this.deleteBefore.run(this.now() - this.ttlMs).changes;
  }
}
