import { Semaphore } from "./admission";
import type { BundledApp, LoadedApp } from "./functions";

/**
 * Queries and mutations that may run at once, as Convex's default per
 * deployment (DEFAULT_APPLICATION_MAX_FUNCTION_CONCURRENCY, 16, in the
 * Convex backend's crates/common/src/knobs.rs). Mutations are further
 * bounded by `MAX_CONCURRENT_MUTATIONS`.
 */
export const MAX_CONCURRENT_TRANSACTIONS = 16;

/**
 * Hands each top-level call a new instance of the app, whose modules are
 * evaluated when the call first looks them up. Convex runs every query,
 * mutation and action in a fresh V8 context (`run_nested` in the Convex
 * backend's crates/isolate/src/environment/udf/mod.rs, and
 * environment/action/mod.rs), so a module's top level runs again for each
 * call and no module-level state, such as `ShardedCounter`'s sticky shard,
 * carries over from one call to the next.
 *
 * NOTE: Convex reuses a context for a query or mutation whose module
 * exports `experimental_reuseContext = true`. This backend ignores that
 * export and always starts fresh. Globals such as `globalThis` fields are
 * shared by all calls here, while each Convex context has its own.
 *
 * With `queue` set, a call waits in arrival order while
 * `MAX_CONCURRENT_TRANSACTIONS` calls hold an instance. Without it, calls
 * never wait, because an action holding an instance may wait on another
 * action.
 */
export class InstancePool {
  private readonly slots: Semaphore | null;

  constructor(
    private readonly bundle: BundledApp,
    queue: boolean,
  ) {
    this.slots = queue ? new Semaphore(MAX_CONCURRENT_TRANSACTIONS) : null;
  }

  /** Creates an instance without taking a slot, for nested calls. */
  instantiate(): LoadedApp {
    return this.bundle.instantiate();
  }

  /** Takes an instance; call the returned release when the call finishes. */
  async acquire(): Promise<{ app: LoadedApp; release: () => void }> {
    const release = this.slots ? await this.slots.acquire() : () => {};
    return { app: this.instantiate(), release };
  }
}
