import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { Doc } from "./_generated/dataModel";
import { internalMutation, mutation, query } from "./_generated/server";
import { requireForm, requireOwner } from "./lib/access";
import { writeAudit } from "./lib/audit";
import { intakeError } from "./lib/errors";
import { deleteSubmission } from "./lib/submission-files";

/** Shortest retention period an owner can set, in days. */
export const minRetentionDays = 30;

/** Longest retention period an owner can set, in days (about 10 years). */
export const maxRetentionDays = 3650;

/**
 * Retention period of a form whose owner has not chosen one, in days. A
 * year covers the usual interval between a patient's visits, so staff can
 * still look back at the last intake, while no form keeps health data
 * indefinitely because nobody chose a period.
 */
export const defaultRetentionDays = 365;

/** Returns a form's retention period in days, the default when unset. */
export function retentionDaysOf(form: Doc<"forms">): number {
  return form.retentionDays ?? defaultRetentionDays;
}

const dayMs = 24 * 60 * 60 * 1000;

/** Submissions one purge mutation deletes before it schedules the next. */
export const purgeBatchSize = 200;

/** Forms one run of `purgeExpired` schedules before it continues. */
const formBatchSize = 100;

/**
 * Returns a form's retention period in days, with `isDefault` true when
 * the owner has not chosen one and `defaultRetentionDays` applies.
 */
export const get = query({
  args: { formId: v.id("forms") },
  returns: v.object({ retentionDays: v.number(), isDefault: v.boolean() }),
  handler: async (ctx, args) => {
    const { form } = await requireForm(ctx, args.formId);
    return {
      retentionDays: retentionDaysOf(form),
      isDefault: form.retentionDays === undefined,
    };
  },
});

/**
 * Sets how many days a form's submissions are kept, from 30 to 3650.
 * Owners only: throws `forbidden` for staff, `notFound` outside the
 * caller's clinics and `invalidArgument` for a period out of range.
 */
export const set = mutation({
  args: { formId: v.id("forms"), retentionDays: v.number() },
  returns: v.null(),
  handler: async (ctx, args) => {
    const { form } = await requireForm(ctx, args.formId);
    await requireOwner(ctx, form.clinicId);
    const days = args.retentionDays;
    if (
      !Number.isInteger(days) ||
      days < minRetentionDays ||
      days > maxRetentionDays
    ) {
      throw intakeError({
        kind: "invalidArgument",
        argument: "retentionDays",
        message: `The retention period must be a whole number of days from ${minRetentionDays} to ${maxRetentionDays}, got ${days}.`,
      });
    }
    await ctx.db.patch(form._id, { retentionDays: days });
    return null;
  },
});

/**
 * Starts one purge run per form, with the cutoff fixed at the run's start
 * and forms without a stored period using `defaultRetentionDays`. The
 * daily cron calls it without arguments, and it schedules itself again
 * for the next page of forms.
 */
export const purgeExpired = internalMutation({
  args: {
    now: v.optional(v.number()),
    cursor: v.optional(v.union(v.string(), v.null())),
  },
  returns: v.null(),
  handler: async (ctx, args) => {
    const now = args.now ?? Date.now();
    const forms = await ctx.db
      .query("forms")
      .withIndex("by_retentionDays")
      .paginate({ numItems: formBatchSize, cursor: args.cursor ?? null });

    for (const form of forms.page) {
      await ctx.scheduler.runAfter(0, internal.retention.purgeForm, {
        formId: form._id,
        cutoff: now - retentionDaysOf(form) * dayMs,
        deletedSoFar: 0,
      });
    }
    if (!forms.isDone) {
      await ctx.scheduler.runAfter(0, internal.retention.purgeExpired, {
        now,
        cursor: forms.continueCursor,
      });
    }
    return null;
  },
});

/**
 * Deletes up to `batchSize` (default 200) of a form's submissions sent
 * before `cutoff`, with their files, and schedules itself for the rest.
 * The last batch of a run that deleted anything writes one audit entry
 * with the run's total.
 */
export const purgeForm = internalMutation({
  args: {
    formId: v.id("forms"),
    cutoff: v.number(),
    deletedSoFar: v.number(),
    batchSize: v.optional(v.number()),
  },
  returns: v.null(),
  handler: async (ctx, args) => {
    const form = await ctx.db.get(args.formId);
    if (form === null) return null;
    const batchSize = args.batchSize ?? purgeBatchSize;
    const expired = await ctx.db
      .query("submissions")
      .withIndex("by_formId_and_submittedAt", (q) =>
        q.eq("formId", args.formId).lt("submittedAt", args.cutoff),
      )
      .take(batchSize);

    for (const row of expired) {
      await deleteSubmission(ctx, row);
    }
    const deleted = args.deletedSoFar + expired.length;
    if (expired.length === batchSize) {
      await ctx.scheduler.runAfter(0, internal.retention.purgeForm, {
        ...args,
        deletedSoFar: deleted,
      });
      return null;
    }
    if (deleted > 0) {
      await writeAudit(ctx, {
        clinicId: form.clinicId,
        action: "delete",
        formId: form._id,
        detail: `Retention purge deleted ${deleted} submissions sent before ${new Date(args.cutoff).toISOString()}`,
      });
    }
    return null;
  },
});
