import { ShardedCounter } from "@convex-dev/sharded-counter";
import { components } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import type { MutationCtx, QueryCtx } from "./_generated/server";

/** The events counted per form, per poster and per UTC day. */
export const metrics = ["views", "visitors", "starts", "submissions"] as const;

/** One counted event. */
export type Metric = (typeof metrics)[number];

/** Totals of every metric. */
export type MetricCounts = Record<Metric, number>;

/**
 * Counter names: `<metric>:<formId>`, `<metric>:<formId>:<posterId>`, and
 * the daily `<metric>:<formId>:d:<YYYY-MM-DD>` and
 * `<metric>:<formId>:<posterId>:d:<YYYY-MM-DD>`, where the day is in UTC.
 */
type CounterKey = `${Metric}:${string}`;

// Spreading each key over 16 documents lets many patients open, start or
// submit one form at the same moment without write conflicts on a single
// row. Every counter write in the app goes through the helpers below.
const counter = new ShardedCounter<CounterKey>(components.shardedCounter, {
  defaultShards: 16,
});

/** Returns the UTC day of `ms` (milliseconds since the epoch) as YYYY-MM-DD. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Builds the counter name of a metric for a form, a poster and a day. */
export function counterKey(
  metric: Metric,
  formId: Id<"forms">,
  posterId?: Id<"posters"> | null,
  day?: string,
): CounterKey {
  const scope = posterId ? `${formId}:${posterId}` : formId;
  return day === undefined
    ? `${metric}:${scope}`
    : `${metric}:${scope}:d:${day}`;
}

/**
 * Adds one event to the form's total and today's count, and to the
 * poster's total and daily count when the event came through a poster.
 */
export async function countEvent(
  ctx: MutationCtx,
  metric: Metric,
  formId: Id<"forms">,
  posterId?: Id<"posters">,
): Promise<void> {
  const day = utcDay(Date.now());
  const keys = [
    counterKey(metric, formId),
    counterKey(metric, formId, null, day),
  ];
  if (posterId !== undefined) {
    keys.push(counterKey(metric, formId, posterId));
    keys.push(counterKey(metric, formId, posterId, day));
  }
  for (const key of keys) await counter.inc(ctx, key);
}

/** Adds one page view of a published form. */
export async function countView(
  ctx: MutationCtx,
  formId: Id<"forms">,
  posterId?: Id<"posters">,
): Promise<void> {
  await countEvent(ctx, "views", formId, posterId);
}

/** Adds one stored submission of a form, through `posterId` if given. */
export async function countSubmission(
  ctx: MutationCtx,
  formId: Id<"forms">,
  posterId?: Id<"posters">,
): Promise<void> {
  await countEvent(ctx, "submissions", formId, posterId);
}

/**
 * Reads the exact counts of a form, or of one of its posters, in total or
 * on one UTC day. This reads every shard, so call it from queries, not
 * from the mutations that add to the counters.
 */
export async function readCounts(
  ctx: QueryCtx,
  formId: Id<"forms">,
  posterId?: Id<"posters"> | null,
  day?: string,
): Promise<MetricCounts> {
  const [views, visitors, starts, submissions] = await Promise.all(
    metrics.map((metric) =>
      counter.count(ctx, counterKey(metric, formId, posterId, day)),
    ),
  );
  return {
    views: views ?? 0,
    visitors: visitors ?? 0,
    starts: starts ?? 0,
    submissions: submissions ?? 0,
  };
}
