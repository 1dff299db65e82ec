import { jsonToConvex, type Value } from "convex/values";
import { encodeId, newInternalId } from "../ids";
import type { Logger } from "../logger";
import { realDateNow } from "../runtime/global";
import type { Executor } from "../engine/executor";
import { findFunction } from "../engine/functions";
import { nextRunMs, type CronSchedule } from "./cron-schedule";

type CronSpec = { name: string; args: unknown[]; schedule: CronSchedule };

/**
 * Runs the cron jobs of the app's `crons.*` module by enqueueing each run
 * as a `_scheduled_functions` job, which the scheduler then executes.
 *
 * NOTE: next run times start from when the crons load, so runs missed
 * while the backend was stopped are skipped rather than caught up.
 */
export class CronRunner {
  private timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly executor: Executor,
    private readonly logger: Logger,
  ) {}

  /** Reads the cron specs of the loaded app and starts their timers. */
  start() {
    this.stop();
    const root = this.executor.app.get("");
    const crons = root?.modules.get("crons")?.default as
      { isCrons?: boolean; export?: () => string } | undefined;
    if (!crons?.isCrons || !crons.export) return;
    const specs = JSON.parse(crons.export()) as Record<string, CronSpec>;
    for (const [identifier, spec] of Object.entries(specs)) {
      this.arm(identifier, spec, realDateNow());
    }
  }

  /** Stops every cron timer. */
  stop() {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
  }

  private arm(identifier: string, spec: CronSpec, afterMs: number) {
    let next: number;
    try {
      next = nextRunMs(spec.schedule, afterMs);
    } catch (error) {
      this.logger.error(
        `Cron job "${identifier}" has an invalid schedule: ${(error as Error).message}`,
      );
      return;
    }
    const timer = setTimeout(
      () => {
        this.timers = this.timers.filter((entry) => entry !== timer);
        void this.enqueue(identifier, spec);
        this.arm(identifier, spec, next);
      },
      Math.max(0, next - realDateNow()),
    );
    timer.unref();
    this.timers.push(timer);
  }

  private async enqueue(identifier: string, spec: CronSpec) {
    const component = this.executor.app.get("");
    const fn = component ? findFunction(component, spec.name) : null;
    if (!fn || (fn.kind !== "mutation" && fn.kind !== "action")) {
      this.logger.error(
        `Cron job "${identifier}" names ${spec.name}, which is not a mutation or action`,
      );
      return;
    }
    try {
      await this.executor.runSystemMutation("", (tx) => {
        const table = this.executor.catalog.ensureTable(
          "",
          "_scheduled_functions",
        );
        tx.insert(table, {
          _id: encodeId(table.number, newInternalId()),
          _creationTime: tx.takeCreationTime(),
          name: fn.udfPath,
          args: spec.args.map((arg) => jsonToConvex(arg as never) as Value),
          scheduledTime: realDateNow(),
          state: { kind: "pending" },
        });
      });
    } catch (error) {
      this.logger.error(
        `Cron job "${identifier}" failed to enqueue ${spec.name}: ${(error as Error).message}`,
      );
    }
  }
}
