import type { Doc } from "../_generated/dataModel";
import type { QueryCtx } from "../_generated/server";
import { intakeError } from "./errors";

/** A form that has a live version. */
export type PublishedForm = Doc<"forms"> & {
  publishedVersionId: NonNullable<Doc<"forms">["publishedVersionId"]>;
};

/**
 * Loads the form published under `slug`, for anonymous callers.
 * Throws `formNotFound` when no form has the slug or it is not published.
 */
export async function requirePublishedForm(
  ctx: QueryCtx,
  slug: string,
): Promise<PublishedForm> {
  const form = await ctx.db
    .query("forms")
    .withIndex("by_slug", (q) => q.eq("slug", slug))
    .unique();
  if (form === null || form.publishedVersionId === null) {
    throw intakeError({
      kind: "formNotFound",
      message: `No published form has the address "${slug}".`,
    });
  }
  return { ...form, publishedVersionId: form.publishedVersionId };
}
