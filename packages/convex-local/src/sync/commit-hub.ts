import type {
  Commit,
  Engine,
  FunctionCall,
  QueryResult,
  ReadSet,
} from "../engine/types.js";
import type { Logger } from "../logger.js";

type Watch = { onInvalidate: () => void; active: boolean };

/**
 * The subscribers of one query (function, arguments, journal, identity)
 * whose results are all valid at `processedTs`. A query's result depends
 * only on that key and the data it reads, so such results are equal and read
 * the same intervals: one read set and one stored result serve the group.
 * NOTE: this assumes deterministic queries, as Convex's own query cache does.
 */
type QueryGroup = { result: QueryResult; watches: Set<Watch> };

/** A hold on the commit log from one snapshot timestamp onwards. */
export type Pin = { ts: bigint; release(): void };

/** Shared runs kept per snapshot; past this many the cache starts over. */
const MAX_SHARED_RUNS = 10_000;

/**
 * Fans commits out to every subscribed query of every sync connection.
 *
 * Watches are grouped by query key, so each commit costs one
 * `engine.overlaps` call per distinct query, not one per subscriber. While a
 * group is valid, `runQueryShared` returns its stored result without running
 * the query again. Concurrent runs of one query at one snapshot also share a
 * single engine call.
 *
 * `processedTs` is the newest commit delivered to the watches. Every query
 * result computed at `processedTs` or earlier, whose watch has not fired, is
 * still valid at `processedTs`. That is what lets a connection advance its
 * Transition timestamp without re-running untouched queries.
 */
export class CommitHub {
  private currentTs: bigint;
  private readonly groups = new Map<string, QueryGroup>();
  private readonly unsubscribe: () => void;
  /** Commits newer than the oldest pin, for watches registered late. */
  private recentCommits: Commit[] = [];
  private readonly pins = new Map<number, bigint>();
  private nextPinId = 0;
  private waiters: { ts: bigint; resolve: () => void }[] = [];
  /** Engine runs in progress or done at `processedTs`, by snapshot and key. */
  private readonly sharedRuns = new Map<string, Promise<QueryResult>>();

  constructor(
    private readonly engine: Engine,
    private readonly logger: Logger,
  ) {
    this.currentTs = engine.latestTs();
    this.unsubscribe = engine.onCommit((commit) => this.deliver(commit));
  }

  /** The newest commit timestamp delivered to the watches. */
  get processedTs(): bigint {
    return this.currentTs;
  }

  /**
   * Holds the commit log from `processedTs` on, so a query run at that
   * snapshot can still be checked against commits that land while it runs.
   * Call `release` once its watch is registered.
   */
  pin(): Pin {
    const id = this.nextPinId++;
    const ts = this.currentTs;
    this.pins.set(id, ts);
    return {
      ts,
      release: () => {
        this.pins.delete(id);
        this.trimRecentCommits();
      },
    };
  }

  /**
   * Calls `onInvalidate` once, at the first commit after `sinceTs` whose
   * writes overlap the read set of `result`. `result` must be the result of
   * query `key` at `sinceTs`, and `sinceTs` the timestamp of a pin that is
   * still held. Returns a function that cancels the watch.
   */
  watch(
    key: string,
    result: QueryResult,
    sinceTs: bigint,
    onInvalidate: () => void,
  ): () => void {
    const watch: Watch = { onInvalidate, active: true };
    const missed = this.recentCommits.some(
      (commit) => commit.ts > sinceTs && this.overlaps(result.readSet, commit),
    );
    if (missed) {
      queueMicrotask(() => this.fire(watch));
      return () => {
        watch.active = false;
      };
    }
    // The result is valid at `processedTs`, so it may join a valid group.
    let group = this.groups.get(key);
    if (!group) {
      group = { result, watches: new Set() };
      this.groups.set(key, group);
    }
    group.watches.add(watch);
    const joined = group;
    return () => {
      watch.active = false;
      joined.watches.delete(watch);
      if (joined.watches.size === 0 && this.groups.get(key) === joined) {
        this.groups.delete(key);
      }
    };
  }

  /**
   * Returns the result of query `key` at `ts`: the stored result of a valid
   * group when it was computed at `ts` or earlier, else one engine run
   * shared by every caller with the same `key` and `ts`. The key must
   * capture everything the result depends on besides the snapshot: path,
   * arguments, journal and identity.
   */
  runQueryShared(
    key: string,
    call: FunctionCall,
    ts: bigint,
  ): Promise<QueryResult> {
    const group = this.groups.get(key);
    if (group && group.result.ts <= ts) {
      return Promise.resolve(group.result);
    }
    const runKey = `${ts}|${key}`;
    const running = this.sharedRuns.get(runKey);
    if (running) {
      return running;
    }
    if (this.sharedRuns.size >= MAX_SHARED_RUNS) {
      this.sharedRuns.clear();
    }
    const run = this.engine.runQuery(call, ts);
    this.sharedRuns.set(runKey, run);
    run.catch(() => this.sharedRuns.delete(runKey));
    return run;
  }

  /**
   * Resolves once the commit at `ts` has been delivered. The engine emits
   * each commit before `runMutation` resolves, so this normally resolves at
   * once. If it has not arrived after `timeoutMs`, every watch is fired and
   * `processedTs` jumps to `ts`, which keeps results correct at the cost of
   * re-running every query.
   */
  waitFor(ts: bigint, timeoutMs = 1_000): Promise<void> {
    if (ts <= this.currentTs) {
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.logger.warn(
          `Commit at ts ${ts} was not delivered within ${timeoutMs} ms; ` +
            "re-running every subscribed query",
        );
        this.invalidateAll(ts);
      }, timeoutMs);
      this.waiters.push({
        ts,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  /** Stops listening to commits and drops every watch. */
  close(): void {
    this.unsubscribe();
    this.groups.clear();
    this.sharedRuns.clear();
    this.recentCommits = [];
    for (const waiter of this.waiters) {
      waiter.resolve();
    }
    this.waiters = [];
  }

  private deliver(commit: Commit): void {
    if (commit.ts > this.currentTs) {
      this.currentTs = commit.ts;
    }
    if (this.pins.size > 0) {
      this.recentCommits.push(commit);
    }
    this.sharedRuns.clear();
    const fired: Watch[] = [];
    for (const [key, group] of this.groups) {
      if (this.overlaps(group.result.readSet, commit)) {
        fired.push(...group.watches);
        this.groups.delete(key);
      }
    }
    for (const watch of fired) {
      this.fire(watch);
    }
    this.resolveWaiters();
  }

  private invalidateAll(ts: bigint): void {
    if (ts > this.currentTs) {
      this.currentTs = ts;
    }
    this.sharedRuns.clear();
    const fired = [...this.groups.values()].flatMap((group) => [
      ...group.watches,
    ]);
    this.groups.clear();
    for (const watch of fired) {
      this.fire(watch);
    }
    this.resolveWaiters();
  }

  private resolveWaiters(): void {
    const ready = this.waiters.filter((waiter) => waiter.ts <= this.currentTs);
    this.waiters = this.waiters.filter((waiter) => waiter.ts > this.currentTs);
    for (const waiter of ready) {
      waiter.resolve();
    }
  }

  private overlaps(readSet: ReadSet, commit: Commit): boolean {
    try {
      return this.engine.overlaps(readSet, commit.writes);
    } catch (error) {
      // A failed check counts as an overlap: a spurious re-run is harmless,
      // a missed one leaves a client with stale data.
      this.logger.error(
        `Read set overlap check failed at ts ${commit.ts}: ${String(error)}`,
      );
      return true;
    }
  }

  private fire(watch: Watch): void {
    if (!watch.active) {
      return;
    }
    watch.active = false;
    try {
      watch.onInvalidate();
    } catch (error) {
      this.logger.error(`Query invalidation handler failed: ${String(error)}`);
    }
  }

  private trimRecentCommits(): void {
    if (this.pins.size === 0) {
      this.recentCommits = [];
      return;
    }
    const oldestPin = [...this.pins.values()].reduce((a, b) => (a < b ? a : b));
    this.recentCommits = this.recentCommits.filter(
      (commit) => commit.ts > oldestPin,
    );
  }
}
