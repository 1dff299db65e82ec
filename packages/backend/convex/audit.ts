import {
  paginationOptsValidator,
  paginationResultValidator,
} from "convex/server";
import { v } from "convex/values";
import { mutation, query } from "./_generated/server";
import { requireClinicDoc, requireForm, requireOwner } from "./lib/access";
import { writeAudit } from "./lib/audit";
import { intakeError } from "./lib/errors";
import { auditActionValidator } from "./lib/validators";

/** Largest page of the audit log. */
export const maxAuditPageSize = 100;

/**
 * Records that the caller opened or printed a submission. The staff app
 * calls it when a submission is shown and on the browser's `beforeprint`
 * event. Throws `notFound` for submissions outside the caller's clinics.
 */
export const record = mutation({
  args: {
    submissionId: v.id("submissions"),
    action: v.union(v.literal("view"), v.literal("print")),
  },
  returns: v.null(),
  handler: async (ctx, args) => {
    const { userId, doc } = await requireClinicDoc(
      ctx,
      args.submissionId,
      `Submission ${args.submissionId}`,
    );
    await writeAudit(ctx, {
      clinicId: doc.clinicId,
      actorId: userId,
      action: args.action,
      submissionId: doc._id,
      formId: doc.formId,
      detail: `Submission ${doc.reference}`,
    });
    return null;
  },
});

/**
 * Records a finished CSV export of a form: how many rows, and the
 * `submittedAt` range in milliseconds since the epoch when one was set.
 */
export const recordExport = mutation({
  args: {
    formId: v.id("forms"),
    rowCount: v.number(),
    from: v.optional(v.number()),
    to: v.optional(v.number()),
  },
  returns: v.null(),
  handler: async (ctx, args) => {
    const { userId, form } = await requireForm(ctx, args.formId);
    if (!Number.isSafeInteger(args.rowCount) || args.rowCount < 0) {
      throw intakeError({
        kind: "invalidArgument",
        argument: "rowCount",
        message: `rowCount must be a whole number from 0, got ${args.rowCount}.`,
      });
    }
    const range = [args.from, args.to].map((bound) =>
      bound === undefined ? "any" : new Date(bound).toISOString(),
    );
    await writeAudit(ctx, {
      clinicId: form.clinicId,
      actorId: userId,
      action: "export",
      formId: form._id,
      detail: `${args.rowCount} submissions of ${form.title}, sent from ${range[0]} to ${range[1]}`,
    });
    return null;
  },
});

/**
 * Pages through a clinic's audit log, newest first, for its owners.
 * Throws `forbidden` for staff and for members of other clinics.
 */
export const list = query({
  args: { clinicId: v.id("clinics"), paginationOpts: paginationOptsValidator },
  returns: paginationResultValidator(
    v.object({
      auditId: v.id("audit"),
      action: auditActionValidator,
      at: v.number(),
      /** Null for the retention purge, or when the account is gone. */
      actorEmail: v.union(v.string(), v.null()),
      formTitle: v.union(v.string(), v.null()),
      submissionId: v.union(v.id("submissions"), v.null()),
      detail: v.union(v.string(), v.null()),
    }),
  ),
  handler: async (ctx, args) => {
    await requireOwner(ctx, args.clinicId);
    const numItems = Math.min(
      Math.max(Math.floor(args.paginationOpts.numItems), 1),
      maxAuditPageSize,
    );
    const result = await ctx.db
      .query("audit")
      .withIndex("by_clinicId_and_at", (q) => q.eq("clinicId", args.clinicId))
      .order("desc")
      .paginate({ ...args.paginationOpts, numItems });

    const page = await Promise.all(
      result.page.map(async (entry) => {
        const actor = entry.actorId ? await ctx.db.get(entry.actorId) : null;
        const form = entry.formId ? await ctx.db.get(entry.formId) : null;
        return {
          auditId: entry._id,
          action: entry.action,
          at: entry.at,
          actorEmail: actor?.email ?? null,
          formTitle: form?.title ?? null,
          submissionId: entry.submissionId ?? null,
          detail: entry.detail ?? null,
        };
      }),
    );
    return { ...result, page };
  },
});
