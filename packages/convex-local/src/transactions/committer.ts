import type { Logger } from "../logger";
import type { DocumentStore, StoredCommit } from "../storage/document-store";
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

/**
 * The outcome of validation: a staged commit with the promise of its
 * durability, or the conflict that failed it.
 */
export type StageResult =
  | { ok: true; ts: bigint; durable: Promise<void> }
  | { ok: false; conflict: Conflict };

type StagedCommit = {
  stored: StoredCommit;
  committed: CommitWrites;
  resolve: () => void;
  reject: (error: unknown) => void;
};

type InFlightBatch = {
  commits: StagedCommit[];
  settled: Promise<void>;
  /** Set when an earlier batch failed, which failed this one too. */
  failed: boolean;
};

/**
 * Batches the writer may hold at once, so it starts the next as soon as
 * one is durable, while this thread has yet to receive the reply.
 */
export const MAX_BATCHES_IN_FLIGHT = 3;

/**
 * Staged commits that are sent as a batch at once, without waiting for
 * the end of the event-loop iteration. Requests that arrive together run
 * in one iteration, so without it they would form one large batch, and
 * the writer would wait for this thread and then this thread for the
 * writer. With it, the writer writes the first commits while this thread
 * runs the rest.
 *
 * NOTE: 3 batches and 8 commits were chosen by measurement on a 2-core
 * machine, with 50 concurrent inserts called in the backend's process.
 * They ran at about 6,000 commits per second with 2 batches and no early
 * send, and at 9,000 to 11,000 with these.
 */
export const EARLY_BATCH_COMMITS = 8;

type DurableWaiter = {
  ts: bigint;
  resolve: () => void;
  reject: (error: unknown) => void;
};

/**
 * The single serialized committer, with group commit. A transaction is
 * validated the moment it asks to commit: against the commits after its
 * snapshot, including staged ones that are not durable yet. A valid
 * transaction takes the next timestamp and is staged in the document
 * store, so the next transaction can begin after it. Staged commits are
 * written in batches, one SQLite transaction and one fsync each: the
 * first commit staged in an event-loop iteration schedules a batch for
 * its check phase, or goes out as soon as `EARLY_BATCH_COMMITS` are
 * staged. Up to `MAX_BATCHES_IN_FLIGHT` batches are sent to the writer at
 * once, so it starts the next batch as soon as one is durable, before this
 * thread receives the reply. The commits staged meanwhile form the next
 * batch. Batches become durable in order, and only once a batch is
 * durable are its callers acknowledged and the commit listeners notified.
 */
export class Committer {
  /** Recent commits, newest last, kept while a snapshot may need them. */
  private log: CommitWrites[] = [];
  private readonly active = new Map<bigint, number>();
  private readonly listeners = new Set<(commit: CommitWrites) => void>();
  private staged: StagedCommit[] = [];
  private waiters: DurableWaiter[] = [];
  private flushScheduled = false;
  /** Batches sent to the store and not yet settled, oldest first. */
  private inFlight: InFlightBatch[] = [];
  /** The newest timestamp handed out, durable or not. */
  private lastIssuedTs: bigint;
  /** Snapshot ranges `[from, to]` whose staged commits were lost. */
  private lost: { from: bigint; to: bigint }[] = [];

  constructor(
    private readonly store: DocumentStore,
    private readonly logger: Logger,
  ) {
    this.lastIssuedTs = store.latestStagedTs();
  }

  /**
   * Returns the timestamp a new mutation begins at: the latest validated
   * commit, which may still wait for its fsync.
   */
  snapshotTs(): bigint {
    return this.store.latestStagedTs();
  }

  /** Registers a transaction's snapshot so commits after it stay in the log. */
  begin(snapshotTs: bigint) {
    this.active.set(snapshotTs, (this.active.get(snapshotTs) ?? 0) + 1);
  }

  /**
   * Releases a snapshot taken with `begin`. Call it only after the
   * transaction was validated, because validation needs the log.
   */
  end(snapshotTs: bigint) {
    const count = (this.active.get(snapshotTs) ?? 1) - 1;
    if (count <= 0) this.active.delete(snapshotTs);
    else this.active.set(snapshotTs, count);
    this.prune();
  }

  /** Returns the oldest snapshot still registered, or null. */
  oldestActiveSnapshot(): bigint | null {
    let oldest: bigint | null = null;
    for (const ts of this.active.keys()) {
      if (oldest === null || ts < oldest) oldest = ts;
    }
    return oldest;
  }

  private prune() {
    const oldest = this.oldestActiveSnapshot();
    if (oldest === null) {
      this.log = [];
      return;
    }
    const first = this.log.findIndex((commit) => commit.ts > oldest);
    if (first === -1) this.log = [];
    else if (first > 0) this.log = this.log.slice(first);
  }

  /**
   * Takes the commit timestamp after every one handed out: wall-clock
   * nanoseconds, strictly increasing.
   */
  private nextTs(): bigint {
    const now = BigInt(realDateNow()) * 1_000_000n;
    this.lastIssuedTs = now > this.lastIssuedTs ? now : this.lastIssuedTs + 1n;
    return this.lastIssuedTs;
  }

  /**
   * Validates and stages the transaction now. It fails with the conflict
   * when a write committed after the snapshot touched a read. A staged
   * commit's `durable` promise resolves once its SQLite transaction is
   * durable and the commit listeners ran, and rejects when that
   * transaction fails, which fails every commit staged with it.
   */
  stage(tx: Transaction, writer: string): StageResult {
    this.checkSnapshot(tx.snapshotTs);
    // A read-only transaction is serializable at its own snapshot, but its
    // result may depend on staged commits, so it waits for them.
    if (tx.writes.size === 0) {
      return {
        ok: true,
        ts: tx.snapshotTs,
        durable: this.waitDurable(tx.snapshotTs),
      };
    }
    const conflict = this.findConflict(tx);
    if (conflict) return { ok: false, conflict };
    const ts = this.nextTs();
    tx.resolveCommitTs(ts);
    const committed: CommitWrites = {
      ts,
      writer,
      writes: tx.committedWrites(),
    };
    const stored: StoredCommit = { ts, writes: tx.documentWrites() };
    this.store.stage(stored);
    if (this.active.size > 0) this.log.push(committed);
    const durable = new Promise<void>((resolve, reject) => {
      this.staged.push({ stored, committed, resolve, reject });
    });
    if (this.staged.length >= EARLY_BATCH_COMMITS) {
      this.sendStaged(MAX_BATCHES_IN_FLIGHT);
    } else {
      this.scheduleFlush();
    }
    return { ok: true, ts, durable };
  }

  /**
   * Validates, stages and waits for durability in one step: resolves with
   * the commit timestamp or the conflict, and rejects when the SQLite
   * transaction fails.
   */
  async commit(tx: Transaction, writer: string): Promise<CommitResult> {
    const result = this.stage(tx, writer);
    if (!result.ok) return result;
    await result.durable;
    return { ok: true, ts: result.ts };
  }

  /** Resolves once every commit at or before `ts` is durable. */
  waitDurable(ts: bigint): Promise<void> {
    this.checkSnapshot(ts);
    if (ts <= this.store.latestTs()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiters.push({ ts, resolve, reject });
      this.scheduleFlush();
    });
  }

  /** Throws when the snapshot `ts` includes staged commits that were lost. */
  private checkSnapshot(ts: bigint) {
    for (const range of this.lost) {
      if (ts >= range.from && ts <= range.to) {
        throw new Error(
          `The snapshot at ${ts} included commits whose SQLite transaction failed; run the function again`,
        );
      }
    }
  }

  private scheduleFlush() {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.sendStaged(MAX_BATCHES_IN_FLIGHT);
    });
  }

  /**
   * Sends the staged commits as one batch unless `limit` batches are in
   * flight already; a batch that settles sends the next.
   */
  private sendStaged(limit: number) {
    if (this.staged.length === 0 || this.inFlight.length >= limit) return;
    const commits = this.staged;
    this.staged = [];
    const batch: InFlightBatch = {
      commits,
      settled: Promise.resolve(),
      failed: false,
    };
    // Listed before the write starts, because a store without a worker
    // settles it at once.
    this.inFlight.push(batch);
    batch.settled = this.writeBatch(batch).catch((error: unknown) =>
      this.logger.error(`Group commit failed: ${(error as Error).message}`),
    );
  }

  /**
   * Writes every staged commit and resolves once every commit staged
   * before the call is durable or failed. The engine calls it before
   * closing the database or loading new schemas.
   */
  async flush(): Promise<void> {
    this.sendStaged(Infinity);
    while (this.inFlight.length > 0) {
      await this.inFlight[this.inFlight.length - 1]!.settled;
    }
    this.settleWaiters();
  }

  private async writeBatch(batch: InFlightBatch): Promise<void> {
    let failure: { error: unknown } | null = null;
    try {
      await this.store.commit(batch.commits.map((entry) => entry.stored));
    } catch (error) {
      failure = { error };
    }
    this.inFlight.splice(this.inFlight.indexOf(batch), 1);
    if (batch.failed) return;
    if (failure) {
      this.failBatch(batch, failure.error);
      return;
    }
    for (const { committed } of batch.commits) this.notify(committed);
    for (const { resolve } of batch.commits) resolve();
    this.settleWaiters();
    // Commits staged while this batch was written form the next batch.
    if (this.staged.length > 0) this.scheduleFlush();
  }

  /**
   * Fails `batch`, the batches sent after it and every commit staged after
   * it, because their snapshots may include the lost batch.
   */
  private failBatch(batch: InFlightBatch, error: unknown) {
    const later = this.staged;
    this.staged = [];
    const following = this.inFlight;
    for (const next of following) next.failed = true;
    const failed = [
      ...batch.commits,
      ...following.flatMap((next) => next.commits),
      ...later,
    ];
    this.logger.error(
      `A group commit of ${batch.commits.length} transactions failed, which also fails ${failed.length - batch.commits.length} staged after it: ${(error as Error).message}`,
    );
    const durable = this.store.latestTs();
    this.store.discardStaged();
    this.lost.push({ from: durable + 1n, to: this.lastIssuedTs });
    const lostFrom = durable + 1n;
    this.log = this.log.filter((commit) => commit.ts < lostFrom);
    for (const { reject } of failed) reject(error);
    const waiting = this.waiters;
    this.waiters = [];
    for (const waiter of waiting) {
      if (waiter.ts <= durable) waiter.resolve();
      else waiter.reject(error);
    }
  }

  private settleWaiters() {
    if (this.waiters.length === 0) return;
    const durable = this.store.latestTs();
    const waiting = this.waiters;
    this.waiters = [];
    for (const waiter of waiting) {
      if (waiter.ts <= durable) waiter.resolve();
      else this.waiters.push(waiter);
    }
  }

  /**
   * Returns the first write committed after the snapshot that touches a
   * read of `tx`. The log holds staged commits too, in timestamp order.
   */
  private findConflict(tx: Transaction): Conflict | null {
    for (const commit of this.log) {
      if (commit.ts <= tx.snapshotTs) continue;
      const write = tx.readSet.conflict(commit);
      if (write) return { write, writer: commit.writer };
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
