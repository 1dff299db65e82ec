import {
  paginationOptsValidator,
  paginationResultValidator,
} from "convex/server";
import { v } from "convex/values";
import type { Id } from "./_generated/dataModel";
import { mutation, query, type QueryCtx } from "./_generated/server";
import {
  requireClinicDoc,
  requireForm,
  requireMember,
  requireOwner,
} from "./lib/access";
import { writeAudit } from "./lib/audit";
import { intakeError } from "./lib/errors";
import { deleteSubmission } from "./lib/submission-files";
import {
  answersValidator,
  definitionValidator,
  reviewFilterValidator,
} from "./lib/validators";

/**
 * Largest page `exportPage` returns, so a page of large submissions stays
 * inside a query's read limits.
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

/** Filters of the inbox, with bounds in milliseconds since the epoch. */
type InboxFilter = {
  clinicId: Id<"clinics">;
  formId?: Id<"forms">;
  posterId?: Id<"posters">;
  status: typeof reviewFilterValidator.type;
  /** Inclusive lower bound of `submittedAt`. */
  from?: number;
  /** Exclusive upper bound of `submittedAt`. */
  to?: number;
};

const filterArgs = {
  clinicId: v.id("clinics"),
  formId: v.optional(v.id("forms")),
  posterId: v.optional(v.id("posters")),
  status: v.optional(reviewFilterValidator),
  from: v.optional(v.number()),
  to: v.optional(v.number()),
};

/**
 * Checks the date bounds and that `formId` and `posterId`, when given,
 * belong to the clinic (and the poster to the form). Throws
 * `invalidArgument` for bounds that are not whole numbers or out of
 * order, and `notFound` for a form or poster of another clinic.
 */
async function checkFilter(ctx: QueryCtx, filter: InboxFilter) {
  for (const name of ["from", "to"] as const) {
    const bound = filter[name];
    if (bound !== undefined && !Number.isSafeInteger(bound)) {
      throw intakeError({
        kind: "invalidArgument",
        argument: name,
        message: `${name} must be whole milliseconds since the epoch, got ${bound}.`,
      });
    }
  }
  if (
    filter.from !== undefined &&
    filter.to !== undefined &&
    filter.from > filter.to
  ) {
    throw intakeError({
      kind: "invalidArgument",
      argument: "from",
      message: `from (${filter.from}) is after to (${filter.to}). Swap the dates.`,
    });
  }
  if (filter.posterId !== undefined) {
    const poster = await ctx.db.get(filter.posterId);
    const otherForm =
      filter.formId !== undefined && poster?.formId !== filter.formId;
    if (poster === null || poster.clinicId !== filter.clinicId || otherForm) {
      throw intakeError({
        kind: "notFound",
        message: `Poster ${filter.posterId} was not found for this clinic and form.`,
      });
    }
  }
  if (filter.formId === undefined) return;
  const form = await ctx.db.get(filter.formId);
  if (form === null || form.clinicId !== filter.clinicId) {
    throw intakeError({
      kind: "notFound",
      message: `Form ${filter.formId} was not found in clinic ${filter.clinicId}.`,
    });
  }
}

/**
 * Selects the filtered submissions through one index, newest first. Each
 * combination of form and review state has an index that ends in
 * `submittedAt`, so the date range is an index range, not a scan.
 */
function filteredSubmissions(ctx: QueryCtx, filter: InboxFilter) {
  const from = filter.from ?? 0;
  const to = filter.to ?? Number.MAX_SAFE_INTEGER;
  const reviewed = filter.status === "reviewed" ? true : undefined;
  const table = ctx.db.query("submissions");
  const { formId, posterId } = filter;

  // A poster belongs to one form, so its index also covers `formId`.
  if (posterId !== undefined && filter.status === "all") {
    return table
      .withIndex("by_posterId_and_submittedAt", (q) =>
        q
          .eq("posterId", posterId)
          .gte("submittedAt", from)
          .lt("submittedAt", to),
      )
      .order("desc");
  }
  if (posterId !== undefined) {
    return table
      .withIndex("by_posterId_and_reviewed_and_submittedAt", (q) =>
        q
          .eq("posterId", posterId)
          .eq("reviewed", reviewed)
          .gte("submittedAt", from)
          .lt("submittedAt", to),
      )
      .order("desc");
  }

  if (formId !== undefined && filter.status === "all") {
    return table
      .withIndex("by_formId_and_submittedAt", (q) =>
        q.eq("formId", formId).gte("submittedAt", from).lt("submittedAt", to),
      )
      .order("desc");
  }
  if (formId !== undefined) {
    return table
      .withIndex("by_formId_and_reviewed_and_submittedAt", (q) =>
        q
          .eq("formId", formId)
          .eq("reviewed", reviewed)
          .gte("submittedAt", from)
          .lt("submittedAt", to),
      )
      .order("desc");
  }
  if (filter.status === "all") {
    return table
      .withIndex("by_clinicId_and_submittedAt", (q) =>
        q
          .eq("clinicId", filter.clinicId)
          .gte("submittedAt", from)
          .lt("submittedAt", to),
      )
      .order("desc");
  }
  return table
    .withIndex("by_clinicId_and_reviewed_and_submittedAt", (q) =>
      q
        .eq("clinicId", filter.clinicId)
        .eq("reviewed", reviewed)
        .gte("submittedAt", from)
        .lt("submittedAt", to),
    )
    .order("desc");
}

function pageSize(requested: number, max: number): number {
  return Math.min(Math.max(Math.floor(requested), 1), max);
}

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
 * first, for a CSV export that the client assembles page by page. The
 * filters are those of `page`, with `formId` required because the columns
 * come from that form's versions.
 */
export const exportPage = query({
  args: {
    ...filterArgs,
    formId: v.id("forms"),
    paginationOpts: paginationOptsValidator,
  },
  returns: paginationResultValidator(exportRowValidator),
  handler: async (ctx, args) => {
    await requireMember(ctx, args.clinicId);
    const filter = { ...args, status: args.status ?? "all" };
    await checkFilter(ctx, filter);

    const result = await filteredSubmissions(ctx, filter).paginate({
      ...args.paginationOpts,
      numItems: pageSize(args.paginationOpts.numItems, maxExportPageSize),
    });
    return {
      ...result,
      page: result.page.map((row) => ({
        submissionId: row._id,
        versionId: row.versionId,
        version: row.version,
        reference: row.reference,
        submittedAt: row.submittedAt,
        reviewedAt: row.reviewedAt ?? null,
        answers: row.answers,
      })),
    };
  },
});

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
