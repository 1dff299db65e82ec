import type { Doc } from "../_generated/dataModel";
import type { QueryCtx } from "../_generated/server";
import { intakeError } from "./errors";
import { isValidSlug, maxSlugLength } from "./slug";

/** A form that has a live version. */
export type PublishedForm = Doc<"forms"> & {
  publishedVersionId: NonNullable<Doc<"forms">["publishedVersionId"]>;
};

/**
 * Loads the form published under `slug`, or returns null when `slug` is
 * malformed, no form has it or the form is not published.
 */
export async function findPublishedForm(
  ctx: QueryCtx,
  slug: string,
): Promise<PublishedForm | null> {
  if (!isValidSlug(slug)) return null;
  const form = await ctx.db
    .query("forms")
    .withIndex("by_slug", (q) => q.eq("slug", slug))
    .unique();
  if (form === null || form.publishedVersionId === null) return null;
  return { ...form, publishedVersionId: form.publishedVersionId };
}

/**
 * Loads the form published under `slug`, for anonymous callers.
 * Throws `formNotFound` when `findPublishedForm` finds none. The message
 * repeats the slug only when it is well-formed, so at most 64 characters.
 */
export async function requirePublishedForm(
  ctx: QueryCtx,
  slug: string,
): Promise<PublishedForm> {
  const form = await findPublishedForm(ctx, slug);
  if (form === null) {
    throw intakeError({
      kind: "formNotFound",
      message: isValidSlug(slug)
        ? `No published form has the address "${slug}".`
        : `The form address is invalid: it must be 1 to ${maxSlugLength} lower-case letters, digits and "-". Check the link.`,
    });
  }
  return form;
}
