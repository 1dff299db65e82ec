import type { QueryCtx } from "../_generated/server";
import { randomCode, slugAlphabet } from "./random";

const maxBaseLength = 40;
const maxAttempts = 8;

/**
 * Maximum length of a slug that public functions look up. Generated slugs
 * have at most 46 characters: a 40-character base, "-" and a suffix of 5.
 */
export const maxSlugLength = 64;

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Returns true when `slug` has the shape of a form's public address:
 * 1 to 64 lower-case ASCII letters and digits in words joined by "-".
 * Public functions check this before a lookup, so unbounded input never
 * reaches an index or an error message.
 */
export function isValidSlug(slug: string): boolean {
  return slug.length <= maxSlugLength && slugPattern.test(slug);
}

/** Lower-cases `title` to ASCII words joined by "-", at most 40 characters. */
export function slugBase(title: string): string {
  const base = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, maxBaseLength)
    .replace(/^-+|-+$/g, "");
  return base === "" ? "form" : base;
}

/**
 * Returns a slug for `title` that no form uses yet: the title's words plus
 * a random five-character suffix, so two clinics' "New patient" forms get
 * different public addresses.
 */
export async function uniqueSlug(
  ctx: QueryCtx,
  title: string,
): Promise<string> {
  const base = slugBase(title);
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const slug = `${base}-${randomCode(slugAlphabet, 5)}`;
    const taken = await ctx.db
      .query("forms")
      .withIndex("by_slug", (q) => q.eq("slug", slug))
      .first();
    if (taken === null) return slug;
  }
  // 32^5 suffixes make eight collisions in a row practically impossible.
  throw new Error(`No free slug for "${base}" after ${maxAttempts} attempts.`);
}
