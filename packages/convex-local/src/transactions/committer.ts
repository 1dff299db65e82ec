import type { Logger } from "../logger";
import type { SqliteDatabase } from "../storage/database";
import type { DocumentStore } from "../storage/document-store";
import { realDateNow } from "../runtime/global";
import type { CommitWrites, CommittedWrite } from "./read-set";
import type { Transaction } from "./transaction";

/** A failed commit: a write committed after the snapshot touched a read. */
export type Conflict = {
  write: CommittedWrite;
  /** Canonical path of the mutation that committed the conflicting write. */
  writer: string;
};

/**
 * The single serialized committer. Validation and the SQLite write happen
 * in one synchronous step, so no other commit can slip in between them,
 * while function bodies run concurrently between their syscalls.
 */
export class Committer {
  /** Recent commits, newest last, kept while a snapshot may need them. */
  private log: CommitWrites[] = [];
  private readonly active = new Map<bigint, number>();
  private readonly listeners = new Set<(commit: CommitWrites) => void>();

  constructor(
    private readonly db: SqliteDatabase,
    private readonly store: DocumentStore,
    private readonly logger: Logger,
  ) {}

  /** Registers a transaction's snapshot so commits after it stay in the log. */
  begin(snapshotTs: bigint) {
    this.active.set(snapshotTs, (this.active.get(snapshotTs) ?? 0) + 1);
  }

  /** Releases a snapshot taken with `begin`. */
  end(snapshotTs: bigint) {
    const count = (this.active.get(snapshotTs) ?? 1) - 1;
    if (count <= 0) this.active.delete(snapshotTs);
    else this.active.set(snapshotTs, count);
    this.prune();
  }

  private prune() {
    let oldest: bigint | null = null;
    for (const ts of this.active.keys()) {
      if (oldest === null || ts < oldest) oldest = ts;
    }
    if (oldest === null) {
      this.log = [];
      return;
    }
    const keepFrom = oldest;
    const first = this.log.findIndex((commit) => commit.ts > keepFrom);
    this.log = first === -1 ? [] : this.log.slice(first);
  }

  /** Takes the next commit timestamp: wall-clock nanoseconds, strictly increasing. */
  private nextTs(): bigint {
    const now = BigInt(realDateNow()) * 1_000_000n;
    const last = this.store.latestTs();
    return now > last ? now : last + 1n;
  }

  /**
   * Validates the transaction's reads against every commit after its
   * snapshot and, when none conflicts, writes it durably. Returns the
   * commit timestamp, or the conflict.
   */
  commit(
    tx: Transaction,
    writer: string,
  ): { ok: true; ts: bigint } | { ok: false; conflict: Conflict } {
    // A read-only transaction is serializable at its own snapshot.
    if (tx.writes.size === 0) return { ok: true, ts: tx.snapshotTs };
    for (const commit of this.log) {
      if (commit.ts <= tx.snapshotTs) continue;
      const write = tx.readSet.conflict(commit);
      if (write)
        return { ok: false, conflict: { write, writer: commit.writer } };
    }
    const ts = this.nextTs();
    const writes = tx.documentWrites();
    const committed: CommitWrites = {
      ts,
      writer,
      writes: tx.committedWrites(),
    };
    this.db.transaction(() => this.store.apply(ts, writes))();
    if (this.active.size > 0) this.log.push(committed);
    this.notify(committed);
    return { ok: true, ts };
  }

  /** Subscribes to commits in commit order. */
  onCommit(listener: (commit: CommitWrites) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(commit: CommitWrites) {
    for (const listener of this.listeners) {
      try {
        listener(commit);
      } catch (error) {
        // A failing listener must not undo or block a durable commit.
        this.logger.error(
          `A commit listener failed at ts ${commit.ts}: ${(error as Error).message}`,
        );
      }
    }
  }
}
