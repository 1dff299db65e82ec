import { v } from "convex/values";
import { internalMutation } from "./_generated/server";
import { randomCode, referenceAlphabet } from "./lib/random";
import { referenceLength } from "./submissions";
import { answersValidator } from "./lib/validators";

/** Maximum rows one call inserts, to stay well inside a mutation's limits. */
export const maxSeedBatch = 1000;

/**
 * Inserts `count` submissions with the same answers into a form's live
 * version, for benchmarks and end-to-end tests of the inbox. The first is
 * sent at `firstSubmittedAt` and each next one `stepMs` later. Rows skip
 * the rate limits, counters and reference uniqueness checks of submit.
 */
export const insertSubmissions = internalMutation({
  args: {
    formId: v.id("forms"),
    count: v.number(),
    firstSubmittedAt: v.number(),
    stepMs: v.number(),
    answers: answersValidator,
  },
  returns: v.number(),
  handler: async (ctx, args) => {
    if (args.count < 1 || args.count > maxSeedBatch) {
      throw new Error(
        `count must be from 1 to ${maxSeedBatch}, got ${args.count}.`,
      );
    }
    const form = await ctx.db.get(args.formId);
    if (form === null || form.publishedVersionId === null) {
      throw new Error(`Form ${args.formId} is missing or not published.`);
    }
    const version = await ctx.db.get(form.publishedVersionId);
    if (version === null) {
      throw new Error(`Form ${form._id} points at a missing version.`);
    }
    for (let index = 0; index < args.count; index++) {
      const key = `seed-${randomCode(referenceAlphabet, 16)}`;
      await ctx.db.insert("submissions", {
        formId: form._id,
        clinicId: form.clinicId,
        versionId: version._id,
        version: version.version,
        visitorId: key,
        submissionKey: key,
        reference: randomCode(referenceAlphabet, referenceLength),
        answers: args.answers,
        submittedAt: args.firstSubmittedAt + index * args.stepMs,
      });
    }
    return args.count;
  },
});

/**
 * Removes a form's stored retention period, as on forms created before
 * every form had one, so tests can check that the default applies.
 */
export const clearRetention = internalMutation({
  args: { formId: v.id("forms") },
  returns: v.null(),
  handler: async (ctx, args) => {
    await ctx.db.patch(args.formId, { retentionDays: undefined });
    return null;
  },
});
