import type { MutationResult } from "../engine/types.js";

type Entry = { result: Promise<MutationResult>; expiresAt: number };

/**
 * Remembers mutations by `(sessionId, requestId)`, so a mutation that a
 * client re-sends after a reconnect runs once and every copy gets the first
 * result. A copy that arrives while the first run is still going waits for
 * it. Only successes are kept: a failed mutation wrote nothing, so running
 * it again is safe, and an OCC failure must run again.
 *
 * This covers copies within one process. The engine also records each
 * success in the mutation's transaction (see `SessionRequests`), so a copy
 * re-sent after a restart or a crash gets the first result too.
 */
export class MutationLog {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly maxEntries = 10_000,
    private readonly ttlMs = 10 * 60_000,
  ) {}

  /**
   * Runs `execute` unless a mutation with this key already succeeded or is
   * running, in which case it returns that mutation's result. Without a key
   * (no `Connect` yet) it always runs.
   */
  run(
    key: string | undefined,
    execute: () => Promise<MutationResult>,
  ): Promise<MutationResult> {
    if (key === undefined) {
      return execute();
    }
    const now = Date.now();
    const existing = this.entries.get(key);
    if (existing && existing.expiresAt > now) {
      return existing.result;
    }
    this.evict(now);
    const result = execute();
    this.entries.set(key, { result, expiresAt: now + this.ttlMs });
    result.then(
      (outcome) => {
        if (!outcome.ok) this.forget(key, result);
      },
      () => this.forget(key, result),
    );
    return result;
  }

  /** Number of remembered mutations, for tests and diagnostics. */
  get size(): number {
    return this.entries.size;
  }

  private forget(key: string, result: Promise<MutationResult>): void {
    if (this.entries.get(key)?.result === result) {
      this.entries.delete(key);
    }
  }

  private evict(now: number): void {
    // Map iteration follows insertion order, so the oldest entries come first.
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt > now && this.entries.size < this.maxEntries) {
        break;
      }
      this.entries.delete(key);
    }
  }
}
