import type { Logger } from "../logger";
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

/** The outcome of a commit: its timestamp, or the conflict that failed it. */
export type CommitResult =
  { ok: true; ts: bigint } | { ok: false; conflict: Conflict };

type QueuedCommit = {
  tx: Transaction;
  writer: string;
  resolve: (result: CommitResult) => void;
  reject: (error: unknown) => void;
};

type AcceptedCommit = { queued: QueuedCommit; committed: CommitWrites };

/**
 * The single serialized committer, with group commit. A commit request
 * waits in a queue until the next check phase of the event loop, so the
 * mutations that finish in the same loop iteration share one batch. These
 * include the mutations whose requests arrived while the previous SQLite
 * transaction blocked the loop. A batch is validated and written in one
 * synchronous step, so no other commit can slip in between, while function
 * bodies run concurrently between their syscalls.
 */
export class Committer {
  /** Recent commits, newest last, kept while a snapshot may need them. */
  private log: CommitWrites[] = [];
  private readonly active = new Map<bigint, number>();
  private readonly listeners = new Set<(commit: CommitWrites) => void>();
  private queue: QueuedCommit[] = [];
  private flushScheduled = false;

  constructor(
    private readonly store: DocumentStore,
    private readonly logger: Logger,
  ) {}

  /** Registers a transaction's snapshot so commits after it stay in the log. */
  begin(snapshotTs: bigint) {
    this.active.set(snapshotTs, (this.active.get(snapshotTs) ?? 0) + 1);
  }

  /**
   * Releases a snapshot taken with `begin`. Call it only after the commit
   * of that transaction settled, because validation needs the log.
   */
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

  /**
   * Takes the commit timestamp after `last`: wall-clock nanoseconds,
   * strictly increasing.
   */
  private nextTs(last: bigint): bigint {
    const now = BigInt(realDateNow()) * 1_000_000n;
    return now > last ? now : last + 1n;
  }

  /**
   * Queues the transaction for the next group commit. The promise resolves
   * with the commit timestamp once the batch's SQLite transaction is
   * durable and the commit listeners ran. It resolves with the conflict
   * when a write committed after the snapshot touched a read, and earlier
   * members of the same batch count as committed. It rejects when the
   * SQLite transaction fails, and then no member of the batch is written.
   */
  commit(tx: Transaction, writer: string): Promise<CommitResult> {
    // A read-only transaction is serializable at its own snapshot.
    if (tx.writes.size === 0) {
      return Promise.resolve({ ok: true, ts: tx.snapshotTs });
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ tx, writer, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /**
   * Validates and writes every queued commit now, in queue order. The
   * engine calls it before closing the database.
   */
  flush() {
    this.flushScheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    const accepted: AcceptedCommit[] = [];
    let lastTs = this.store.latestTs();
    for (const queued of batch) {
      const conflict = this.findConflict(queued.tx, accepted);
      if (conflict) {
        queued.resolve({ ok: false, conflict });
        continue;
      }
      lastTs = this.nextTs(lastTs);
      accepted.push({
        queued,
        committed: {
          ts: lastTs,
          writer: queued.writer,
          writes: queued.tx.committedWrites(),
        },
      });
    }
    try {
      this.store.commit(
        accepted.map(({ queued, committed }) => ({
          ts: committed.ts,
          writes: queued.tx.documentWrites(),
        })),
      );
    } catch (error) {
      this.logger.error(
        `A group commit of ${accepted.length} transactions failed: ${(error as Error).message}`,
      );
      for (const { queued } of accepted) queued.reject(error);
      return;
    }
    for (const { committed } of accepted) {
      if (this.active.size > 0) this.log.push(committed);
      this.notify(committed);
    }
    for (const { queued, committed } of accepted) {
      queued.resolve({ ok: true, ts: committed.ts });
    }
  }

  /**
   * Returns the first write committed after the snapshot that touches a
   * read of `tx`, looking at the log and then at the batch's earlier
   * members, which commit before `tx`.
   */
  private findConflict(
    tx: Transaction,
    earlier: AcceptedCommit[],
  ): Conflict | null {
    for (const commit of this.log) {
      if (commit.ts <= tx.snapshotTs) continue;
      const write = tx.readSet.conflict(commit);
      if (write) return { write, writer: commit.writer };
    }
    for (const { committed } of earlier) {
      const write = tx.readSet.conflict(committed);
      if (write) return { write, writer: committed.writer };
    }
    return null;
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
