import {
  paginationOptsValidator,
  paginationResultValidator,
} from "convex/server";
import { v } from "convex/values";
import { query } from "./_generated/server";
import { requireOwner } from "./lib/access";
import { auditActionValidator } from "./lib/validators";

/** Largest page of the audit log. */
export const maxAuditPageSize = 100;

/**
 * Pages through a clinic's audit log, newest first, for its owners.
 * Throws `forbidden` for staff and for members of other clinics. Entries
 * are written by the functions that read, export or delete submissions,
 * in the same transaction.
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
      /** Rows an export returned, null for other actions. */
      rowCount: v.union(v.number(), v.null()),
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
          rowCount: entry.rowCount ?? null,
        };
      }),
    );
    return { ...result, page };
  },
});
