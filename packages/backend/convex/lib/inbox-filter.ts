import { v } from "convex/values";
import type { Id } from "../_generated/dataModel";
import type { QueryCtx } from "../_generated/server";
import { intakeError } from "./errors";
import { reviewFilterValidator } from "./validators";

/** Filters of the inbox, with bounds in milliseconds since the epoch. */
export type InboxFilter = {
  clinicId: Id<"clinics">;
  formId?: Id<"forms">;
  posterId?: Id<"posters">;
  status: typeof reviewFilterValidator.type;
  /** Inclusive lower bound of `submittedAt`. */
  from?: number;
  /** Exclusive upper bound of `submittedAt`. */
  to?: number;
};

/** Arguments of the inbox filters, shared by `inbox:page` and `exportPage`. */
export const filterArgs = {
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
export async function checkFilter(ctx: QueryCtx, filter: InboxFilter) {
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
export function filteredSubmissions(ctx: QueryCtx, filter: InboxFilter) {
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

/** Clamps a requested page size to 1..`max` whole rows. */
export function pageSize(requested: number, max: number): number {
  return Math.min(Math.max(Math.floor(requested), 1), max);
}
