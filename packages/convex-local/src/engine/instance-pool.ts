import { Semaphore } from "./admission";
import {
  parseUdfPath,
  type BundledApp,
  type LoadedApp,
  type ResolvedFunction,
} from "./functions";

/**
 * Queries and mutations that may run at once, as Convex's default per
 * deployment (DEFAULT_APPLICATION_MAX_FUNCTION_CONCURRENCY, 16, in the
 * Convex backend's crates/common/src/knobs.rs). Mutations are further
 * bounded by `MAX_CONCURRENT_MUTATIONS`.
 */
export const MAX_CONCURRENT_TRANSACTIONS = 16;

/**
 * Idle instances kept for reuse, in total over all modules. Convex keeps at
 * most one saved context per isolate (`ContextCache` in the Convex
 * backend's crates/isolate/src/context_cache.rs). The bound here is a local
 * choice: one per query or mutation that may run at once.
 */
export const MAX_SAVED_INSTANCES = MAX_CONCURRENT_TRANSACTIONS;

/** The export that opts a module into context reuse. */
export const REUSE_CONTEXT_EXPORT = "experimental_reuseContext";

/** An instance taken for one call. */
export type PooledInstance = {
  app: LoadedApp;
  /**
   * Gives the instance back when the call finishes. Pass `reusable` true
   * unless the call failed inside the function (see `ExecContext.
   * bodyFailed`), so a reusing module keeps the instance for its next call.
   */
  release(reusable?: boolean): void;
};

/**
 * Reports whether Convex reuses the V8 context of a call to `fn`: it does
 * for queries and mutations whose own module, the one defining the called
 * function, exports `experimental_reuseContext` as the boolean `true`
 * (`AnalyzedModule::reuse_context` in crates/isolate/src/environment/
 * analyze.rs). Actions and HTTP actions always start fresh.
 */
export function reusesContext(fn: ResolvedFunction): boolean {
  if (fn.kind !== "query" && fn.kind !== "mutation") return false;
  const exports = fn.component.modules.get(parseUdfPath(fn.udfPath).module);
  return exports?.[REUSE_CONTEXT_EXPORT] === true;
}

/**
 * Hands each top-level call an instance of the app, whose modules are
 * evaluated when the call first looks them up. Convex runs every query,
 * mutation and action in a fresh V8 context (`run_nested` in the Convex
 * backend's crates/isolate/src/environment/udf/mod.rs, and
 * environment/action/mod.rs), so a module's top level runs again for each
 * call and no module-level state, such as `ShardedCounter`'s sticky shard,
 * carries over from one call to the next.
 *
 * The exception is a query or mutation whose module exports
 * `experimental_reuseContext = true` (see `reusesContext`). Convex saves
 * its context after a call whose function did not fail and hands it to
 * the next call of a function in the same module, so module-level state
 * carries over. A context is thrown away when the function throws, times
 * out or returns a value over the size or nesting limit. A new push
 * invalidates it, and so does a change of environment variables for the
 * app's modules and for components bound to the app's variables, because
 * the change alters what the context's initialization read
 * (`validate_reused_context` in environment/udf/mod.rs). Here the instance
 * of such a call is kept in the same way, until `clearSaved`, which every
 * environment variable change calls, or a new pool for the next push. A
 * kept instance serves one call at a time, so concurrent calls of one
 * module get separate instances.
 *
 * NOTE: Convex keeps one saved context per isolate and may route a call to
 * an isolate without one, so there reuse is likely but not certain. Here
 * a call always reuses the most recently saved instance of its module.
 * Nested `ctx.runQuery` and `ctx.runMutation` calls always start fresh
 * here, while Convex may reuse a context between two nested calls of one
 * module within the same call. Globals such as `globalThis` fields are
 * shared by all calls here, while each Convex context has its own.
 *
 * With `queue` set, a call waits in arrival order while
 * `MAX_CONCURRENT_TRANSACTIONS` calls hold an instance. Without it, calls
 * never wait, because an action holding an instance may wait on another
 * action.
 */
export class InstancePool {
  private readonly slots: Semaphore | null;
  /** Idle reusable instances, least recently saved first. */
  private saved: { key: string; app: LoadedApp }[] = [];
  /** Count of `clearSaved` calls, so an instance taken before one is not saved. */
  private clears = 0;

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

  /**
   * Takes an instance for a call of `fn`: the module's saved instance when
   * it reuses its context and one is idle, a new one otherwise. It returns
   * at once when a slot is free, and a promise when the call must wait.
   */
  acquire(fn?: ResolvedFunction): PooledInstance | Promise<PooledInstance> {
    const slot = this.slots ? this.slots.acquire() : () => {};
    if (typeof slot === "function") return this.take(slot, fn);
    return slot.then((releaseSlot) => this.take(releaseSlot, fn));
  }

  private take(releaseSlot: () => void, fn?: ResolvedFunction): PooledInstance {
    const key = fn && reusesContext(fn) ? savedKey(fn) : null;
    const app = (key !== null && this.takeSaved(key)) || this.instantiate();
    const clearsAtStart = this.clears;
    let released = false;
    return {
      app,
      release: (reusable = false) => {
        if (released) return;
        released = true;
        // A clear during the call makes the instance stale as well.
        const current = clearsAtStart === this.clears;
        if (key !== null && reusable && current) this.save(key, app);
        releaseSlot();
      },
    };
  }

  /**
   * Drops every saved instance and every instance in use once released,
   * so the next calls start fresh.
   */
  clearSaved(): void {
    this.saved = [];
    this.clears += 1;
  }

  private takeSaved(key: string): LoadedApp | null {
    for (let i = this.saved.length - 1; i >= 0; i--) {
      if (this.saved[i]!.key !== key) continue;
      return this.saved.splice(i, 1)[0]!.app;
    }
    return null;
  }

  private save(key: string, app: LoadedApp): void {
    this.saved.push({ key, app });
    if (this.saved.length > MAX_SAVED_INSTANCES) this.saved.shift();
  }
}

/** Identifies a module across components, as Convex's saved context does. */
function savedKey(fn: ResolvedFunction): string {
  return `${fn.component.node.path}\n${parseUdfPath(fn.udfPath).module}`;
}
