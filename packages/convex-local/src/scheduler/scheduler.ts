import type { Value } from "convex/values";
import { convexToJson } from "convex/values";
import type { Logger } from "../logger";
import { realDateNow } from "../runtime/global";
import { newRequestId } from "../runtime/server-error";
import type { TableInfo } from "../storage/catalog";
import type { Document } from "../storage/document-store";
import { encodeKey, encodeValue, prefixEnd } from "../storage/key-encoding";
import type { Executor } from "../engine/executor";
import { findFunction } from "../engine/functions";
import type { ConvexJson } from "../engine/types";

/** Maximum wait between two scans of the queue, in milliseconds. */
const MAX_IDLE_MS = 1000;
/** Jobs started per scan of one namespace's queue. */
const BATCH = 64;

type JobState =
  | { kind: "pending" | "inProgress" | "success" | "canceled" }
  | { kind: "failed"; error: string };

/**
 * Runs due `_scheduled_functions` jobs of every namespace. Jobs are
 * documents, so they survive restarts; a mutation job marks itself done in
 * its own transaction, an action job is marked in progress first.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | null = null;
  private running = new Set<string>();
  private stopped = false;
  private ticking = false;
  private inFlight = new Set<Promise<void>>();

  constructor(
    private readonly executor: Executor,
    private readonly logger: Logger,
  ) {}

  /** Starts the loop and fails actions a previous process left in progress. */
  async start() {
    for (const table of this.queues()) {
      for (const job of this.jobsInState(table, "inProgress", Infinity)) {
        await this.finish(table, job._id as string, {
          kind: "failed",
          error:
            "Transient error while executing action: the backend restarted",
        });
      }
    }
    this.schedule(0);
  }

  /** Looks at the queues now, after a commit scheduled something. */
  kick() {
    if (!this.stopped) this.schedule(0);
  }

  /** Stops the loop and waits for running jobs. */
  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await Promise.allSettled([...this.inFlight]);
  }

  private schedule(delayMs: number) {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
    this.timer.unref();
  }

  private queues(): TableInfo[] {
    const catalog = this.executor.catalog;
    return catalog
      .namespaces()
      .map((namespace) => catalog.table(namespace, "_scheduled_functions"))
      .filter((table): table is TableInfo => table !== undefined);
  }

  private jobsInState(
    table: TableInfo,
    state: string,
    upToMs: number,
  ): Document[] {
    const store = this.executor.store;
    const index = table.indexes.get("by_state")!;
    const prefix = encodeKey([state]);
    const hi = Number.isFinite(upToMs)
      ? prefixEnd(Buffer.concat([prefix, encodeValue(upToMs)]))
      : prefixEnd(prefix);
    const jobs: Document[] = [];
    const ts = store.latestTs();
    for (const entry of store.scan(index.indexId, prefix, hi, ts, "asc")) {
      jobs.push(store.load(table.tableId, entry.id, ts));
      if (jobs.length >= BATCH) break;
    }
    return jobs;
  }

  private nextDueMs(table: TableInfo): number | null {
    const store = this.executor.store;
    const index = table.indexes.get("by_state")!;
    const prefix = encodeKey(["pending"]);
    for (const entry of store.scan(
      index.indexId,
      prefix,
      prefixEnd(prefix),
      store.latestTs(),
      "asc",
    )) {
      if (this.running.has(entry.id)) continue;
      const job = store.load(table.tableId, entry.id, store.latestTs());
      return job.scheduledTime as number;
    }
    return null;
  }

  private async tick() {
    if (this.ticking || this.stopped) return;
    this.ticking = true;
    let nextMs = realDateNow() + MAX_IDLE_MS;
    try {
      const now = realDateNow();
      for (const table of this.queues()) {
        for (const job of this.jobsInState(table, "pending", now)) {
          const id = job._id as string;
          if (this.running.has(id)) continue;
          this.running.add(id);
          const run = this.runJob(table, job).finally(() => {
            this.running.delete(id);
            this.inFlight.delete(run);
            this.kick();
          });
          this.inFlight.add(run);
        }
        const due = this.nextDueMs(table);
        if (due !== null) nextMs = Math.min(nextMs, due);
      }
    } catch (error) {
      this.logger.error(
        `Scheduler failed to read its queue: ${(error as Error).message}`,
      );
    } finally {
      this.ticking = false;
    }
    this.schedule(Math.max(0, nextMs - realDateNow()));
  }

  private async finish(table: TableInfo, id: string, state: JobState) {
    await this.executor.runSystemMutation(table.namespace, (tx) => {
      const job = tx.get(table, id);
      if (!job) return;
      const current = (job.state as JobState).kind;
      if (
        current === "canceled" ||
        current === "success" ||
        current === "failed"
      )
        return;
      tx.update(table, id, {
        ...job,
        state: state as unknown as Value,
        completedTime: realDateNow(),
      });
    });
  }

  private async runJob(table: TableInfo, job: Document) {
    const id = job._id as string;
    const name = job.name as string;
    const component = this.executor.app.get(table.namespace);
    const fn = component ? findFunction(component, name) : null;
    const args = convexToJson((job.args as Value[])[0] ?? {}) as ConvexJson;
    const started = realDateNow();
    if (!fn || (fn.kind !== "mutation" && fn.kind !== "action")) {
      await this.finish(table, id, {
        kind: "failed",
        error: `Could not find function for '${name}'`,
      });
      return;
    }
    const options = {
      caller: { kind: "anonymous" as const },
      identity: null,
      requestId: newRequestId(),
      scheduledFunctionId: id,
    };
    try {
      if (fn.kind === "mutation") {
        let canceled = false;
        const result = await this.executor.runMutationResolved(fn, args, {
          ...options,
          beforeCommit: (tx) => {
            const current = tx.get(table, id);
            if (!current || (current.state as JobState).kind !== "pending") {
              canceled = true;
              throw new Error("The scheduled function was canceled");
            }
            tx.update(table, id, {
              ...current,
              state: { kind: "success" },
              completedTime: realDateNow(),
            });
          },
        });
        this.reportLogLines(name, options.requestId, result.logLines);
        if (!result.ok && !canceled) {
          await this.finish(table, id, {
            kind: "failed",
            error: result.errorMessage,
          });
        }
        this.logResult(
          name,
          id,
          result.ok,
          started,
          result.ok ? null : result.errorMessage,
        );
        return;
      }
      const claimed = await this.executor.runSystemMutation(
        table.namespace,
        (tx) => {
          const current = tx.get(table, id);
          if (!current || (current.state as JobState).kind !== "pending")
            return false;
          tx.update(table, id, { ...current, state: { kind: "inProgress" } });
          return true;
        },
      );
      if (!claimed.value) return;
      const result = await this.executor.runActionResolved(fn, args, options);
      this.reportLogLines(name, options.requestId, result.logLines);
      await this.finish(
        table,
        id,
        result.ok
          ? { kind: "success" }
          : { kind: "failed", error: result.errorMessage },
      );
      this.logResult(
        name,
        id,
        result.ok,
        started,
        result.ok ? null : result.errorMessage,
      );
    } catch (error) {
      this.logger.error(
        `Scheduled function ${name} (${id}) failed to run: ${(error as Error).message}`,
      );
    }
  }

  /** Passes a run's console lines to the engine's log listeners. */
  private reportLogLines(name: string, requestId: string, lines: string[]) {
    if (lines.length > 0) {
      this.executor.options.onFunctionLog?.(name, requestId, lines);
    }
  }

  private logResult(
    name: string,
    id: string,
    ok: boolean,
    started: number,
    error: string | null,
  ) {
    const elapsed = realDateNow() - started;
    if (ok)
      this.logger.info(
        `Scheduled function ${name} (${id}) succeeded in ${elapsed} ms`,
      );
    else
      this.logger.warn(
        `Scheduled function ${name} (${id}) failed in ${elapsed} ms: ${error}`,
      );
  }
}
