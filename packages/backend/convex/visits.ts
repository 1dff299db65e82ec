import { v } from "convex/values";
import type { Doc, Id } from "./_generated/dataModel";
import { mutation, query, type QueryCtx } from "./_generated/server";
import { limitVisit } from "./limits";
import { requireMember } from "./lib/access";
import { intakeError } from "./lib/errors";
import { requirePublishedForm } from "./lib/published";
import { requireToken } from "./lib/text";
import { ensureVisit, resolveSource, startVisit } from "./lib/visits";

/** Visits idle for longer than this leave the front desk, in milliseconds. */
export const idleAfterMs = 2 * 60 * 60 * 1000;

/** Maximum open visits the front desk lists, most recently active first. */
export const maxOpenVisits = 100;

/** Maximum submitted visits the front desk lists, newest first. */
export const maxRecentSubmissions = 20;

/**
 * Marks a visitor's visit of a published form started, on the first
 * answer. Anyone may call it, and it counts one start per visitor and
 * form however often it is called. `source` works as in `views:record`.
 * It takes no answers.
 * Throws `formNotFound`, `invalidArgument` for a malformed visitor id
 * and `rateLimited` past the visit limits in `limits.ts`.
 */
export const start = mutation({
  args: {
    slug: v.string(),
    visitorId: v.string(),
    source: v.optional(v.string()),
  },
  returns: v.null(),
  handler: async (ctx, args) => {
    requireToken(args.visitorId, "visitorId");

    const form = await requirePublishedForm(ctx, args.slug);
    await limitVisit(ctx, form._id, args.visitorId);
    const source = await resolveSource(ctx, form, args.source);
    const visit = await ensureVisit(ctx, form, args.visitorId, source);
    await startVisit(ctx, visit);
    return null;
  },
});

/**
 * Stores the page a visitor has reached: `pageIndex` from 0, of
 * `pageCount` pages, which is at most the live version's page count.
 * Anyone may call it. It marks the visit started if it was not.
 * Throws like `start`, and `invalidArgument` for page numbers that are
 * not integers in range.
 */
export const progress = mutation({
  args: {
    slug: v.string(),
    visitorId: v.string(),
    pageIndex: v.number(),
    pageCount: v.number(),
  },
  returns: v.null(),
  handler: async (ctx, args) => {
    requireToken(args.visitorId, "visitorId");

    const form = await requirePublishedForm(ctx, args.slug);
    const version = await ctx.db.get(form.publishedVersionId);
    const maxPages = version?.definition.pages.length ?? 1;
    const { pageIndex, pageCount } = args;
    if (!Number.isInteger(pageCount) || pageCount < 1 || pageCount > maxPages) {
      throw intakeError({
        kind: "invalidArgument",
        argument: "pageCount",
        message: `pageCount must be an integer from 1 to ${maxPages}, the live version's page count.`,
      });
    }
    if (
      !Number.isInteger(pageIndex) ||
      pageIndex < 0 ||
      pageIndex >= pageCount
    ) {
      throw intakeError({
        kind: "invalidArgument",
        argument: "pageIndex",
        message: `pageIndex must be an integer from 0 to ${pageCount - 1}.`,
      });
    }
    await limitVisit(ctx, form._id, args.visitorId);

    const visit = await startVisit(
      ctx,
      await ensureVisit(ctx, form, args.visitorId, undefined),
    );
    await ctx.db.patch(visit._id, {
      pageIndex,
      pageCount,
      lastActiveAt: Date.now(),
    });
    return null;
  },
});

const openVisitValidator = v.object({
  visitId: v.id("visits"),
  formId: v.id("forms"),
  formTitle: v.string(),
  posterName: v.union(v.string(), v.null()),
  startedAt: v.number(),
  lastActiveAt: v.number(),
  pageIndex: v.number(),
  pageCount: v.number(),
});

const submittedVisitValidator = v.object({
  visitId: v.id("visits"),
  formId: v.id("forms"),
  formTitle: v.string(),
  posterName: v.union(v.string(), v.null()),
  startedAt: v.union(v.number(), v.null()),
  submittedAt: v.number(),
});

/**
 * Lists a clinic's visits for the front desk, for its staff: `open` are
 * patients who started and have not submitted, active in the last 2
 * hours, and `recent` the latest submitted visits. Rows name the form and
 * poster and never contain answers or who the patient is. The idle cutoff
 * uses the time the query runs, so clients hide rows that go idle later.
 */
export const frontDesk = query({
  args: { clinicId: v.id("clinics") },
  returns: v.object({
    open: v.array(openVisitValidator),
    recent: v.array(submittedVisitValidator),
  }),
  handler: async (ctx, args) => {
    await requireMember(ctx, args.clinicId);
    const cutoff = Date.now() - idleAfterMs;

    // NOTE: viewers who never started share this index range, so more
    // than `maxOpenVisits` recent viewers can push started visits out.
    const openRows = await ctx.db
      .query("visits")
      .withIndex("by_clinicId_and_submittedAt_and_lastActiveAt", (q) =>
        q
          .eq("clinicId", args.clinicId)
          .eq("submittedAt", undefined)
          .gte("lastActiveAt", cutoff),
      )
      .order("desc")
      .take(maxOpenVisits * 4);
    const submittedRows = await ctx.db
      .query("visits")
      .withIndex("by_clinicId_and_submittedAt_and_lastActiveAt", (q) =>
        q.eq("clinicId", args.clinicId).gte("submittedAt", 0),
      )
      .order("desc")
      .take(maxRecentSubmissions);

    const names = new NameCache(ctx);
    const open = [];
    for (const row of openRows) {
      if (row.startedAt === undefined) continue;
      if (open.length === maxOpenVisits) break;
      open.push({
        visitId: row._id,
        formId: row.formId,
        formTitle: await names.formTitle(row.formId),
        posterName: await names.posterName(row.source),
        startedAt: row.startedAt,
        lastActiveAt: row.lastActiveAt,
        pageIndex: row.pageIndex,
        pageCount: row.pageCount,
      });
    }
    const recent = [];
    for (const row of submittedRows) {
      recent.push({
        visitId: row._id,
        formId: row.formId,
        formTitle: await names.formTitle(row.formId),
        posterName: await names.posterName(row.source),
        startedAt: row.startedAt ?? null,
        submittedAt: row.submittedAt ?? row.lastActiveAt,
      });
    }
    return { open, recent };
  },
});

/** Loads form titles and poster names once per query. */
class NameCache {
  private readonly forms = new Map<Id<"forms">, Promise<Doc<"forms"> | null>>();
  private readonly posters = new Map<
    Id<"posters">,
    Promise<Doc<"posters"> | null>
  >();

  constructor(private readonly ctx: QueryCtx) {}

  async formTitle(formId: Id<"forms">): Promise<string> {
    if (!this.forms.has(formId))
      this.forms.set(formId, this.ctx.db.get(formId));
    return (await this.forms.get(formId))?.title ?? "Deleted form";
  }

  async posterName(
    posterId: Id<"posters"> | undefined,
  ): Promise<string | null> {
    if (posterId === undefined) return null;
    if (!this.posters.has(posterId)) {
      this.posters.set(posterId, this.ctx.db.get(posterId));
    }
    return (await this.posters.get(posterId))?.name ?? null;
  }
}
