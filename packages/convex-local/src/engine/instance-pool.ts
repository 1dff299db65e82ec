import type { BundledApp, LoadedApp } from "./functions";

/** Maximum module instances per pool, an estimate of a local machine's share. */
const MAX_INSTANCES = 16;

type Instance = {
  app: LoadedApp;
  busy: number;
  /** Order of the latest hand-out, for least-recently-used selection. */
  lastUsed: number;
};

/**
 * Hands each concurrently running top-level function its own copy of the
 * app's modules, as Convex runs each in its own isolate. Module-level
 * state, such as `ShardedCounter`'s sticky shard, is kept per instance
 * and reused by later calls. An idle call takes the least recently used
 * idle instance, so such state is spread over the whole pool instead of
 * the first few instances. Convex itself runs each query and mutation in
 * a fresh context unless its module opts into context reuse, so no
 * module state carries over there.
 *
 * With `queue` set, a call that finds no idle instance waits in arrival
 * order for one, which bounds how many queries and mutations run at once
 * to `MAX_INSTANCES`. Without it, the call shares the least busy instance,
 * because an action holding an instance may wait on another action.
 *
 * NOTE: if loading an instance fails while a pool has none, its waiting
 * calls stay queued until a later load succeeds.
 */
export class InstancePool {
  private readonly instances: Instance[] = [];
  private loading = false;
  private readonly waiting: ((instance: Instance) => void)[] = [];
  private handOuts = 0;

  constructor(
    private readonly bundle: BundledApp,
    private readonly queue: boolean,
    private readonly onLoadError: (error: Error) => void,
    first?: LoadedApp,
  ) {
    if (first) this.instances.push({ app: first, busy: 0, lastUsed: 0 });
  }

  /** Loads instances until the pool has `count` (at most the maximum). */
  async warm(count: number) {
    while (this.instances.length < Math.min(count, MAX_INSTANCES)) {
      const app = await this.bundle.instantiate();
      const instance = { app, busy: 1, lastUsed: 0 };
      this.instances.push(instance);
      this.handOver(instance);
    }
  }

  /** Takes an instance; call the returned release when the call finishes. */
  async acquire(): Promise<{ app: LoadedApp; release: () => void }> {
    const instance = await this.take();
    this.handOuts += 1;
    instance.lastUsed = this.handOuts;
    let released = false;
    return {
      app: instance.app,
      release: () => {
        if (released) return;
        released = true;
        this.handOver(instance);
      },
    };
  }

  /** Gives a free instance to the next waiting call, or marks it idle. */
  private handOver(instance: Instance) {
    const next = this.waiting.shift();
    if (next) next(instance);
    else instance.busy -= 1;
  }

  /**
   * Picks an instance and marks it busy in the same synchronous step. When
   * none is idle, a new one loads in the background and the call takes
   * whichever comes first: that instance or one released meanwhile.
   */
  private take(): Promise<Instance> | Instance {
    let idle: Instance | null = null;
    for (const entry of this.instances) {
      if (entry.busy === 0 && (!idle || entry.lastUsed < idle.lastUsed)) {
        idle = entry;
      }
    }
    if (idle) {
      idle.busy += 1;
      return idle;
    }
    this.loadInBackground();
    if (!this.queue && this.instances.length > 0) {
      const shared = this.leastBusy();
      shared.busy += 1;
      return shared;
    }
    return new Promise<Instance>((resolve) => this.waiting.push(resolve));
  }

  private leastBusy(): Instance {
    return this.instances.reduce((best, entry) =>
      entry.busy < best.busy ? entry : best,
    );
  }

  private loadInBackground() {
    if (this.loading || this.instances.length >= MAX_INSTANCES) return;
    // Instances load one at a time.
    this.loading = true;
    this.bundle
      .instantiate()
      .then((app) => {
        const instance = { app, busy: 1, lastUsed: 0 };
        this.instances.push(instance);
        this.handOver(instance);
      })
      .catch((error: unknown) => {
        this.onLoadError(error as Error);
      })
      .finally(() => {
        this.loading = false;
        if (this.waiting.length > 0) this.loadInBackground();
      });
  }
}
