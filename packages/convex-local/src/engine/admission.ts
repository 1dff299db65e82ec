/**
 * Mutations that may execute at once, from evaluating their modules until
 * they are validated. Convex bounds concurrent mutations per deployment
 * (APPLICATION_MAX_CONCURRENT_MUTATIONS, 16 by default, in the Convex
 * backend's crates/common/src/knobs.rs) and runs them on parallel threads.
 * Here every function shares one JavaScript thread and database reads are
 * synchronous, so a second mutation keeps the thread busy while the first
 * waits at a read. More mutations only interleave between each one's
 * first read and its commit, so write conflicts grow and throughput does
 * not. Two still interleave, so a hot document really conflicts. Waiting
 * for durability does not hold a slot.
 *
 * NOTE: chosen by measurement on a 2-core machine with the benchmark in
 * bench/convex-local.ts. docs/benchmarks.md lists the retries and
 * throughput measured with 2, 3 and 4 slots.
 */
export const MAX_CONCURRENT_MUTATIONS = 2;

/** A counting semaphore whose waiters are served in arrival order. */
export class Semaphore {
  private available: number;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly capacity: number) {
    this.available = capacity;
  }

  /** Takes a permit; call the returned function once to give it back. */
  acquire(): Promise<() => void> | (() => void) {
    if (this.available > 0) {
      this.available -= 1;
      return this.releaser();
    }
    return new Promise((resolve) =>
      this.waiting.push(() => resolve(this.releaser())),
    );
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.available += 1;
    };
  }
}
