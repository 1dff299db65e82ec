import { v } from "convex/values";
import type { Id } from "./_generated/dataModel";
import { query, type QueryCtx } from "./_generated/server";
import { readCounts, utcDay, type MetricCounts } from "./counters";
import { requireClinicDoc, requireForm } from "./lib/access";
import { intakeError } from "./lib/errors";

/** Days of the daily series when `days` is not given. */
export const defaultDays = 14;

/** Maximum days of the daily series. */
export const maxDays = 90;

const dayMs = 24 * 60 * 60 * 1000;

const countFields = {
  views: v.number(),
  visitors: v.number(),
  starts: v.number(),
  submissions: v.number(),
  /** Submissions divided by starts, or null before the first start. */
  completionRate: v.union(v.number(), v.null()),
};

function withRate(counts: MetricCounts) {
  return {
    ...counts,
    completionRate:
      counts.starts === 0 ? null : counts.submissions / counts.starts,
  };
}

/** Returns the last `days` UTC days up to today, oldest first. */
function lastDays(days: number): string[] {
  const today = Date.now();
  return Array.from({ length: days }, (_, i) =>
    utcDay(today - (days - 1 - i) * dayMs),
  );
}

async function requirePosterOfForm(
  ctx: QueryCtx,
  formId: Id<"forms">,
  posterId: Id<"posters">,
): Promise<void> {
  const { doc } = await requireClinicDoc(ctx, posterId, `Poster ${posterId}`);
  if (doc.formId !== formId) {
    throw intakeError({
      kind: "notFound",
      message: `Poster ${posterId} was not found on form ${formId}.`,
    });
  }
}

/**
 * Returns a form's exact totals and a daily series of the last `days` UTC
 * days (default 14, 1 to 90), for its clinic's staff. With `posterId`
 * only the visits that came through that poster count. The query is
 * live, so clients see new counts without asking again.
 * Throws `notFound` for forms and posters of other clinics, and
 * `invalidArgument` for `days` out of range.
 */
export const forForm = query({
  args: {
    formId: v.id("forms"),
    posterId: v.optional(v.id("posters")),
    days: v.optional(v.number()),
  },
  returns: v.object({
    ...countFields,
    daily: v.array(
      v.object({
        /** The UTC day as YYYY-MM-DD. */
        date: v.string(),
        views: v.number(),
        visitors: v.number(),
        starts: v.number(),
        submissions: v.number(),
      }),
    ),
  }),
  handler: async (ctx, args) => {
    await requireForm(ctx, args.formId);
    if (args.posterId !== undefined) {
      await requirePosterOfForm(ctx, args.formId, args.posterId);
    }
    const days = args.days ?? defaultDays;
    if (!Number.isInteger(days) || days < 1 || days > maxDays) {
      throw intakeError({
        kind: "invalidArgument",
        argument: "days",
        message: `days must be an integer from 1 to ${maxDays}.`,
      });
    }

    const totals = await readCounts(ctx, args.formId, args.posterId);
    const daily = await Promise.all(
      lastDays(days).map(async (date) => ({
        date,
        ...(await readCounts(ctx, args.formId, args.posterId, date)),
      })),
    );
    return { ...withRate(totals), daily };
  },
});

/**
 * Returns the totals of each poster of a form, archived ones included,
 * oldest first, for its clinic's staff. Visits without a poster are the
 * form's totals minus the sum of these rows.
 */
export const byPoster = query({
  args: { formId: v.id("forms") },
  returns: v.array(
    v.object({
      posterId: v.id("posters"),
      name: v.string(),
      code: v.string(),
      archived: v.boolean(),
      ...countFields,
    }),
  ),
  handler: async (ctx, args) => {
    await requireForm(ctx, args.formId);
    const posters = await ctx.db
      .query("posters")
      .withIndex("by_formId", (q) => q.eq("formId", args.formId))
      .collect();
    return await Promise.all(
      posters.map(async (poster) => ({
        posterId: poster._id,
        name: poster.name,
        code: poster.code,
        archived: poster.archived === true,
        ...withRate(await readCounts(ctx, args.formId, poster._id)),
      })),
    );
  },
});
