import {
  paginationOptsValidator,
  paginationResultValidator,
} from "convex/server";
import { v } from "convex/values";
import type { Id } from "./_generated/dataModel";
import { type MutationCtx, mutation, query } from "./_generated/server";
import {
  requireClinicDoc,
  requireForm,
  requireMember,
  requireOwner,
} from "./lib/access";
import { exportDetail, writeAudit } from "./lib/audit";
import { intakeError } from "./lib/errors";
import {
  checkFilter,
  filterArgs,
  filteredSubmissions,
  type InboxFilter,
  pageSize,
} from "./lib/inbox-filter";
import { deleteSubmission } from "./lib/submission-files";
import { answersValidator, definitionValidator } from "./lib/validators";

/**
 * Largest page `exportPage` returns, so a page of large submissions stays
 * inside a mutation's read limits.
 */
export const maxExportPageSize = 1000;

/** Largest page `page` returns to the inbox list. */
export const maxInboxPageSize = 200;

const inboxRowValidator = v.object({
  submissionId: v.id("submissions"),
  formId: v.id("forms"),
  posterId: v.union(v.id("posters"), v.null()),
  reference: v.string(),
  version: v.number(),
  submittedAt: v.number(),
  reviewedAt: v.union(v.number(), v.null()),
});

const exportRowValidator = v.object({
  submissionId: v.id("submissions"),
  versionId: v.id("formVersions"),
  version: v.number(),
  reference: v.string(),
  submittedAt: v.number(),
  reviewedAt: v.union(v.number(), v.null()),
  answers: answersValidator,
});

/**
 * Pages through a clinic's submissions for its staff, newest first,
 * filtered by form, poster, review state (`status`, default `all`) and a
 * `submittedAt` range [`from`, `to`). Made for `usePaginatedQuery`: new
 * submissions appear at the top of the first page while it is watched.
 * Throws `forbidden` for non-members and `notFound` for another clinic's
 * form.
 */
export const page = query({
  args: { ...filterArgs, paginationOpts: paginationOptsValidator },
  returns: paginationResultValidator(inboxRowValidator),
  handler: async (ctx, args) => {
    await requireMember(ctx, args.clinicId);
    const filter = { ...args, status: args.status ?? "all" };
    await checkFilter(ctx, filter);

    const result = await filteredSubmissions(ctx, filter).paginate({
      ...args.paginationOpts,
      numItems: pageSize(args.paginationOpts.numItems, maxInboxPageSize),
    });
    return {
      ...result,
      page: result.page.map((row) => ({
        submissionId: row._id,
        formId: row.formId,
        posterId: row.posterId ?? null,
        reference: row.reference,
        version: row.version,
        submittedAt: row.submittedAt,
        reviewedAt: row.reviewedAt ?? null,
      })),
    };
  },
});

/**
 * Returns one page of a form's submissions with their answers, newest
 * first, for a CSV export that the client assembles page by page, and
 * records the export in the audit log in the same transaction. The first
 * page (no `exportId`) inserts one "export" entry and returns its id as
 * `exportId`. Each later page passes it back, and the entry's row count
 * grows by that page's rows, so one export is one entry with the rows it
 * really returned. The filters are those of `page`, with `formId` required
 * because the columns come from that form's versions. Throws `notFound`
 * for an `exportId` that is not the caller's export of this form.
 */
export const exportPage = mutation({
  args: {
    ...filterArgs,
    formId: v.id("forms"),
    paginationOpts: paginationOptsValidator,
    exportId: v.optional(v.id("audit")),
  },
  returns: v.object({
    page: v.array(exportRowValidator),
    isDone: v.boolean(),
    continueCursor: v.string(),
    exportId: v.id("audit"),
  }),
  handler: async (ctx, args) => {
    const { userId } = await requireMember(ctx, args.clinicId);
    const filter = { ...args, status: args.status ?? "all" };
    await checkFilter(ctx, filter);

    const result = await filteredSubmissions(ctx, filter).paginate({
      ...args.paginationOpts,
      numItems: pageSize(args.paginationOpts.numItems, maxExportPageSize),
    });
    const exportId = await recordExportPage(ctx, {
      userId,
      filter,
      formId: args.formId,
      exportId: args.exportId,
      rows: result.page.length,
    });
    return {
      page: result.page.map((row) => ({
        submissionId: row._id,
        versionId: row.versionId,
        version: row.version,
        reference: row.reference,
        submittedAt: row.submittedAt,
        reviewedAt: row.reviewedAt ?? null,
        answers: row.answers,
      })),
      isDone: result.isDone,
      continueCursor: result.continueCursor,
      exportId,
    };
  },
});

/**
 * Inserts the "export" audit entry of a new export, or adds `rows` to the
 * entry `exportId` of the caller's running export, and returns its id.
 */
async function recordExportPage(
  ctx: MutationCtx,
  page: {
    userId: Id<"users">;
    filter: InboxFilter;
    formId: Id<"forms">;
    exportId: Id<"audit"> | undefined;
    rows: number;
  },
): Promise<Id<"audit">> {
  const form = await ctx.db.get(page.formId);
  const title = form?.title ?? "a deleted form";
  const { from, to } = page.filter;
  if (page.exportId === undefined) {
    return await writeAudit(ctx, {
      clinicId: page.filter.clinicId,
      actorId: page.userId,
      action: "export",
      formId: page.formId,
      rowCount: page.rows,
      detail: exportDetail(title, page.rows, from, to),
    });
  }

  const entry = await ctx.db.get(page.exportId);
  if (
    entry === null ||
    entry.action !== "export" ||
    entry.actorId !== page.userId ||
    entry.formId !== page.formId
  ) {
    throw intakeError({
      kind: "notFound",
      message: `Export ${page.exportId} was not found for this form. Start the export again without exportId.`,
    });
  }
  const rowCount = (entry.rowCount ?? 0) + page.rows;
  await ctx.db.patch(entry._id, {
    rowCount,
    detail: exportDetail(title, rowCount, from, to),
  });
  return entry._id;
}

/**
 * Lists every published version of a form with its definition, newest
 * first, so an export can name the columns of each submission's version.
 */
export const formVersions = query({
  args: { formId: v.id("forms") },
  returns: v.array(
    v.object({
      versionId: v.id("formVersions"),
      version: v.number(),
      definition: definitionValidator,
    }),
  ),
  handler: async (ctx, args) => {
    await requireForm(ctx, args.formId);
    const versions = await ctx.db
      .query("formVersions")
      .withIndex("by_formId_and_version", (q) => q.eq("formId", args.formId))
      .order("desc")
      .collect();
    return versions.map((row) => ({
      versionId: row._id,
      version: row.version,
      definition: row.definition,
    }));
  },
});

/**
 * Deletes a submission and its uploaded files, and records the deletion
 * in the audit log. Only clinic owners may delete. Throws `notFound` for
 * missing submissions and those of other clinics, and `forbidden` for
 * staff.
 */
export const remove = mutation({
  args: { submissionId: v.id("submissions") },
  returns: v.null(),
  handler: async (ctx, args) => {
    const { doc } = await requireClinicDoc(
      ctx,
      args.submissionId,
      `Submission ${args.submissionId}`,
    );
    const { userId } = await requireOwner(ctx, doc.clinicId);

    await deleteSubmission(ctx, doc);
    await writeAudit(ctx, {
      clinicId: doc.clinicId,
      actorId: userId,
      action: "delete",
      submissionId: doc._id,
      formId: doc.formId,
      detail: `Submission ${doc.reference}`,
    });
    return null;
  },
});
