import {
  type Answers,
  jsonByteLength,
  LIMITS,
  oversizedAnswerErrors,
  pruneHiddenAnswers,
  validateAnswers,
} from "@intake/form-schema";
import { v } from "convex/values";
import type { Id } from "./_generated/dataModel";
import {
  type MutationCtx,
  mutation,
  query,
  type QueryCtx,
} from "./_generated/server";
import { countSubmission } from "./counters";
import { limitSubmission } from "./limits";
import { requireClinicDoc, requireForm, requireMember } from "./lib/access";
import { intakeError } from "./lib/errors";
import { requireSubmittedFiles } from "./lib/files";
import { requirePublishedForm } from "./lib/published";
import { randomCode, referenceAlphabet } from "./lib/random";
import {
  openedSubmissionValidator,
  readSubmissionAudited,
  submissionMetadata,
  submissionMetadataValidator,
} from "./lib/read-submission";
import { requireToken } from "./lib/text";
import { submitVisit } from "./lib/visits";
import { reviewFilterValidator } from "./lib/validators";

/**
 * Maximum UTF-8 size of one submission's answers as JSON. It is half of
 * Convex's 1 MiB document limit and fits about a hundred long-text
 * answers at the default 5,000-character limit in plain ASCII.
 */
export const maxAnswersBytes = LIMITS.answersBytes;

/** Length of the patient-facing reference, from a 29-character alphabet. */
export const referenceLength = 6;

const defaultListLimit = 100;
const maxListLimit = 500;

/**
 * Stores a patient's answers to the live version of a published form.
 * Anyone may call it. A repeated `submissionKey` returns the first
 * result without storing again. Every error stores nothing:
 * `formNotFound` when the slug has no published form, `versionMismatch`
 * when `versionId` is not the live version, `rateLimited` past the
 * submission limits in `limits.ts`, `answersTooLarge` with "tooLarge"
 * field errors on the largest answers (none when `answers` is not an
 * object), `invalidAnswers` with the field errors of `validateAnswers`
 * (also for answers of a wrong shape, such as null, nested objects or a
 * non-object), and `invalidFile` when a file answer does not match an unattached upload of
 * this form and visitor (see `requireSubmittedFiles`). Answers to hidden
 * questions are dropped before storing, and the files stored are marked
 * attached. A repeated key returns its first result before the limits are
 * checked, so retries are never rate limited.
 */
export const submit = mutation({
  args: {
    slug: v.string(),
    versionId: v.id("formVersions"),
    visitorId: v.string(),
    submissionKey: v.string(),
    // Any JSON value passes here, so that a wrong shape gets the
    // `invalidAnswers` error of `validateAnswers`, which names the fields,
    // and not Convex's argument validation error. Size is checked first.
    answers: v.any(),
  },
  returns: v.object({
    submissionId: v.id("submissions"),
    reference: v.string(),
  }),
  handler: async (ctx, args) => {
    requireToken(args.visitorId, "visitorId");
    requireToken(args.submissionKey, "submissionKey");

    const form = await requirePublishedForm(ctx, args.slug);

    // A retry after a lost response must get the first result even when
    // the form has been republished since.
    const earlier = await ctx.db
      .query("submissions")
      .withIndex("by_submissionKey", (q) =>
        q.eq("submissionKey", args.submissionKey),
      )
      .unique();
    if (earlier !== null && earlier.formId === form._id) {
      return { submissionId: earlier._id, reference: earlier.reference };
    }
    if (earlier !== null) {
      throw intakeError({
        kind: "invalidArgument",
        argument: "submissionKey",
        message: "This submissionKey was used for another form. Use a new key.",
      });
    }

    if (args.versionId !== form.publishedVersionId) {
      throw intakeError({
        kind: "versionMismatch",
        message: `Version ${args.versionId} is not the live version. Reload the form.`,
        currentVersionId: form.publishedVersionId,
      });
    }
    const version = await ctx.db.get(form.publishedVersionId);
    if (version === null) {
      throw new Error(`Form ${form._id} points at a missing version.`);
    }
    await limitSubmission(ctx, form._id, args.visitorId);

    const size = jsonByteLength(args.answers);
    if (size > maxAnswersBytes) {
      throw intakeError({
        kind: "answersTooLarge",
        message: `The answers take ${size} bytes, above the maximum of ${maxAnswersBytes}. Shorten the answers in fieldErrors.`,
        maxBytes: maxAnswersBytes,
        fieldErrors: oversizedAnswerErrors(args.answers, maxAnswersBytes),
      });
    }
    const fieldErrors = validateAnswers(version.definition, args.answers);
    if (Object.keys(fieldErrors).length > 0) {
      throw intakeError({
        kind: "invalidAnswers",
        message: "Some answers are invalid. Fix the marked fields.",
        fieldErrors,
      });
    }
    // validateAnswers ignored hidden questions, so their answers go too,
    // whatever their shape. What remains matches `answersSchema`.
    const answers: Answers = pruneHiddenAnswers(
      version.definition,
      args.answers as Answers,
    );
    const uploads = await requireSubmittedFiles(
      ctx,
      form._id,
      args.visitorId,
      version.definition,
      answers,
    );

    const reference = await uniqueReference(ctx, form.clinicId);
    const posterId = await submitVisit(ctx, form, args.visitorId);
    const submissionId = await ctx.db.insert("submissions", {
      formId: form._id,
      clinicId: form.clinicId,
      versionId: version._id,
      version: version.version,
      visitorId: args.visitorId,
      submissionKey: args.submissionKey,
      reference,
      answers,
      submittedAt: Date.now(),
      posterId,
    });
    for (const upload of uploads) {
      await ctx.db.patch(upload._id, { submissionId });
    }
    await countSubmission(ctx, form._id, posterId);
    return { submissionId, reference };
  },
});

/** Picks a reference that no other submission of the clinic has. */
async function uniqueReference(
  ctx: MutationCtx,
  clinicId: Id<"clinics">,
): Promise<string> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const reference = randomCode(referenceAlphabet, referenceLength);
    const taken = await ctx.db
      .query("submissions")
      .withIndex("by_clinicId_and_reference", (q) =>
        q.eq("clinicId", clinicId).eq("reference", reference),
      )
      .first();
    if (taken === null) return reference;
  }
  // Eight collisions in a row need most of the 29^6 (about 595 million)
  // codes to be taken in one clinic.
  throw new Error(`No free reference for clinic ${clinicId}.`);
}

/**
 * Lists a form's submissions for its clinic's staff. `status` defaults to
 * `all`. `all` and `new` list the most recently submitted first, and
 * `reviewed` lists the most recently reviewed first. `limit` defaults to
 * 100 and is capped at 500. Rows carry no answers: staff read those
 * through `open` or `print`, which record the read in the audit log.
 */
export const list = query({
  args: {
    formId: v.id("forms"),
    status: v.optional(reviewFilterValidator),
    limit: v.optional(v.number()),
  },
  returns: v.array(submissionMetadataValidator),
  handler: async (ctx, args) => {
    await requireForm(ctx, args.formId);
    const limit = Math.min(
      Math.max(Math.floor(args.limit ?? defaultListLimit), 1),
      maxListLimit,
    );

    const rows = await submissionsQuery(ctx, args.formId, args.status ?? "all")
      .order("desc")
      .take(limit);
    return rows.map(submissionMetadata);
  },
});

/** Selects a form's submissions of one review state through an index. */
function submissionsQuery(
  ctx: QueryCtx,
  formId: Id<"forms">,
  status: typeof reviewFilterValidator.type,
) {
  const submissions = ctx.db.query("submissions");
  switch (status) {
    case "all":
      return submissions.withIndex("by_formId_and_submittedAt", (q) =>
        q.eq("formId", formId),
      );
    case "new":
      // Within equal index keys rows follow `_creationTime`, which is the
      // submit order because `submittedAt` is set in the same mutation.
      return submissions.withIndex("by_formId_and_reviewedAt", (q) =>
        q.eq("formId", formId).eq("reviewedAt", undefined),
      );
    case "reviewed":
      return submissions.withIndex("by_formId_and_reviewedAt", (q) =>
        q.eq("formId", formId).gte("reviewedAt", 0),
      );
  }
}

/**
 * Opens a submission for staff of its clinic: records a "view" in the
 * audit log and returns the answers with the definition of the version
 * they answered and the URLs of its files. Throws `unauthenticated` for
 * anonymous callers and `notFound` for other clinics' submissions, and
 * then records nothing.
 */
export const open = mutation({
  args: { submissionId: v.id("submissions") },
  returns: openedSubmissionValidator,
  handler: async (ctx, args) =>
    await readSubmissionAudited(ctx, args.submissionId, "view"),
});

/**
 * Returns what `open` returns and records a "print" in the audit log, for
 * the staff app to call before it prints a submission.
 */
export const print = mutation({
  args: { submissionId: v.id("submissions") },
  returns: openedSubmissionValidator,
  handler: async (ctx, args) =>
    await readSubmissionAudited(ctx, args.submissionId, "print"),
});

/**
 * Returns a submission's metadata without its answers, so a page can
 * watch its review state live without writing audit entries.
 */
export const summary = query({
  args: { submissionId: v.id("submissions") },
  returns: submissionMetadataValidator,
  handler: async (ctx, args) => {
    const { doc: row } = await requireClinicDoc(
      ctx,
      args.submissionId,
      `Submission ${args.submissionId}`,
    );
    return submissionMetadata(row);
  },
});

/**
 * Finds a clinic's submission by the reference the patient reads out, or
 * returns null. Letters are matched without regard to case. It returns no
 * answers: staff read those through `open`.
 */
export const findByReference = query({
  args: { clinicId: v.id("clinics"), reference: v.string() },
  returns: v.union(v.null(), submissionMetadataValidator),
  handler: async (ctx, args) => {
    await requireMember(ctx, args.clinicId);

    const row = await ctx.db
      .query("submissions")
      .withIndex("by_clinicId_and_reference", (q) =>
        q
          .eq("clinicId", args.clinicId)
          .eq("reference", args.reference.trim().toUpperCase()),
      )
      .first();
    return row === null ? null : submissionMetadata(row);
  },
});

/** Marks a submission reviewed, or not reviewed again, for staff. */
export const setReviewed = mutation({
  args: { submissionId: v.id("submissions"), reviewed: v.boolean() },
  returns: v.null(),
  handler: async (ctx, args) => {
    const { userId, doc } = await requireClinicDoc(
      ctx,
      args.submissionId,
      `Submission ${args.submissionId}`,
    );
    await ctx.db.patch(
      doc._id,
      args.reviewed
        ? { reviewedAt: Date.now(), reviewedBy: userId, reviewed: true }
        : { reviewedAt: undefined, reviewedBy: undefined, reviewed: undefined },
    );
    return null;
  },
});
