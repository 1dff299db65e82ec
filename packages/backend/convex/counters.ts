import { ShardedCounter } from "@convex-dev/sharded-counter";
import { components } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import type { MutationCtx, QueryCtx } from "./_generated/server";

type CounterKey = `views:${string}` | `submissions:${string}`;

// Spreading each key over 16 documents lets many patients open or submit
// one form at the same moment without write conflicts on a single row.
// Every counter write in the app goes through the helpers below.
const counter = new ShardedCounter<CounterKey>(components.shardedCounter, {
  defaultShards: 16,
});

const viewsKey = (formId: Id<"forms">) => `views:${formId}` as const;
const submissionsKey = (formId: Id<"forms">) =>
  `submissions:${formId}` as const;

/** Adds one page view of a published form. */
export async function countView(
  ctx: MutationCtx,
  formId: Id<"forms">,
): Promise<void> {
  await counter.inc(ctx, viewsKey(formId));
}

/** Adds one stored submission of a form. */
export async function countSubmission(
  ctx: MutationCtx,
  formId: Id<"forms">,
): Promise<void> {
  await counter.inc(ctx, submissionsKey(formId));
}

/**
 * Reads the exact totals of a form. This reads every shard, so call it
 * from queries, not from the mutations that add to the counters.
 */
export async function readFormCounts(
  ctx: QueryCtx,
  formId: Id<"forms">,
): Promise<{ views: number; submissions: number }> {
  const [views, submissions] = await Promise.all([
    counter.count(ctx, viewsKey(formId)),
    counter.count(ctx, submissionsKey(formId)),
  ]);
  return { views, submissions };
}
