import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import { countEvent } from "../counters";
import type { PublishedForm } from "./published";

/** Poster codes: 6 characters of RFC 4648 base32 in lower case. */
export const posterCodePattern = /^[a-z2-7]{6}$/;

/**
 * Returns the poster of `form` whose code is `code`, or undefined when
 * there is no code, it is malformed, unknown, or another form's. Those
 * requests still count, without a poster.
 */
export async function resolveSource(
  ctx: QueryCtx,
  form: Doc<"forms">,
  code: string | undefined,
): Promise<Id<"posters"> | undefined> {
  if (code === undefined || !posterCodePattern.test(code)) return undefined;
  const poster = await ctx.db
    .query("posters")
    .withIndex("by_code", (q) => q.eq("code", code))
    .unique();
  return poster?.formId === form._id ? poster._id : undefined;
}

/** Loads the visit of `visitorId` to `formId`, or returns null. */
export async function findVisit(
  ctx: QueryCtx,
  formId: Id<"forms">,
  visitorId: string,
): Promise<Doc<"visits"> | null> {
  return await ctx.db
    .query("visits")
    .withIndex("by_formId_and_visitorId", (q) =>
      q.eq("formId", formId).eq("visitorId", visitorId),
    )
    .unique();
}

/**
 * Loads the visit of `visitorId` to `form`, inserting it and counting a
 * unique visitor when it is the visitor's first request for the form.
 */
export async function ensureVisit(
  ctx: MutationCtx,
  form: Doc<"forms">,
  visitorId: string,
  source: Id<"posters"> | undefined,
): Promise<Doc<"visits">> {
  const existing = await findVisit(ctx, form._id, visitorId);
  if (existing !== null) return existing;

  const now = Date.now();
  const visit = {
    formId: form._id,
    clinicId: form.clinicId,
    visitorId,
    source,
    firstSeenAt: now,
    lastActiveAt: now,
    pageIndex: 0,
    pageCount: 1,
  };
  const visitId = await ctx.db.insert("visits", visit);
  await countEvent(ctx, "visitors", form._id, source);
  return { _id: visitId, _creationTime: now, ...visit };
}

/**
 * Marks the visit started, counting one start the first time only.
 * Returns the visit as stored.
 */
export async function startVisit(
  ctx: MutationCtx,
  visit: Doc<"visits">,
): Promise<Doc<"visits">> {
  if (visit.startedAt !== undefined) return visit;
  const now = Date.now();
  await ctx.db.patch(visit._id, { startedAt: now, lastActiveAt: now });
  await countEvent(ctx, "starts", visit.formId, visit.source);
  return { ...visit, startedAt: now, lastActiveAt: now };
}

/**
 * Marks the visit of a stored submission submitted and returns the
 * poster it came through. A submit without an earlier view or start,
 * which the patient app never sends, inserts a visit and counts no
 * visitor or start, because each counter write lengthens the transaction that
 * reads the submit rate limit's row, and concurrent submits then
 * conflict on it more often.
 */
export async function submitVisit(
  ctx: MutationCtx,
  form: PublishedForm,
  visitorId: string,
): Promise<Id<"posters"> | undefined> {
  const now = Date.now();
  const visit = await findVisit(ctx, form._id, visitorId);
  if (visit === null) {
    await ctx.db.insert("visits", {
      formId: form._id,
      clinicId: form.clinicId,
      visitorId,
      firstSeenAt: now,
      startedAt: now,
      lastActiveAt: now,
      pageIndex: 0,
      pageCount: 1,
      submittedAt: now,
    });
    return undefined;
  }
  if (visit.startedAt === undefined) await startVisit(ctx, visit);
  await ctx.db.patch(visit._id, { submittedAt: now, lastActiveAt: now });
  return visit.source;
}
