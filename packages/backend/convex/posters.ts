import { v } from "convex/values";
import type { Doc, Id } from "./_generated/dataModel";
import { mutation, query, type MutationCtx } from "./_generated/server";
import { requireClinicDoc, requireForm } from "./lib/access";
import { intakeError } from "./lib/errors";
import { randomCode } from "./lib/random";
import { requireName } from "./lib/text";
import { posterCodePattern } from "./lib/visits";

/** Maximum length of a poster's name, in characters. */
export const maxPosterNameLength = 60;

/** RFC 4648 base32 in lower case, so codes match `posterCodePattern`. */
const posterCodeAlphabet = "abcdefghijklmnopqrstuvwxyz234567";

const posterValidator = v.object({
  posterId: v.id("posters"),
  formId: v.id("forms"),
  name: v.string(),
  code: v.string(),
  createdAt: v.number(),
  archived: v.boolean(),
});

function toPoster(row: Doc<"posters">) {
  return {
    posterId: row._id,
    formId: row.formId,
    name: row.name,
    code: row.code,
    createdAt: row.createdAt,
    archived: row.archived === true,
  };
}

/**
 * Throws `invalidArgument` when another active poster of the form has
 * `name`, compared without regard to case.
 */
async function requireFreeName(
  ctx: MutationCtx,
  formId: Id<"forms">,
  name: string,
  except?: Id<"posters">,
): Promise<void> {
  const posters = await ctx.db
    .query("posters")
    .withIndex("by_formId", (q) => q.eq("formId", formId))
    .collect();
  const lower = name.toLowerCase();
  const taken = posters.some(
    (poster) =>
      poster._id !== except &&
      poster.archived !== true &&
      poster.name.toLowerCase() === lower,
  );
  if (taken) {
    throw intakeError({
      kind: "invalidArgument",
      argument: "name",
      message: `This form already has a poster named "${name}". Choose another name.`,
    });
  }
}

/** Picks a code that no other poster has. */
async function uniqueCode(ctx: MutationCtx): Promise<string> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const code = randomCode(posterCodeAlphabet, 6);
    const taken = await ctx.db
      .query("posters")
      .withIndex("by_code", (q) => q.eq("code", code))
      .first();
    if (taken === null) return code;
  }
  // Eight collisions in a row need most of the 32^6 (about 1.07 billion)
  // codes to be taken.
  throw new Error("No free poster code.");
}

/**
 * Creates a poster of a form for its clinic's staff and returns its id.
 * `name` is trimmed and must have 1 to 60 characters and differ from the
 * form's other active posters. Throws `invalidArgument` otherwise.
 */
export const create = mutation({
  args: { formId: v.id("forms"), name: v.string() },
  returns: v.id("posters"),
  handler: async (ctx, args) => {
    const { userId, form } = await requireForm(ctx, args.formId);
    const name = requireName(args.name, "name", maxPosterNameLength);
    await requireFreeName(ctx, form._id, name);

    return await ctx.db.insert("posters", {
      clinicId: form.clinicId,
      formId: form._id,
      name,
      code: await uniqueCode(ctx),
      createdAt: Date.now(),
      createdBy: userId,
    });
  },
});

/**
 * Lists a form's posters for its clinic's staff, oldest first. Archived
 * posters are left out unless `includeArchived` is true.
 */
export const list = query({
  args: { formId: v.id("forms"), includeArchived: v.optional(v.boolean()) },
  returns: v.array(posterValidator),
  handler: async (ctx, args) => {
    await requireForm(ctx, args.formId);
    const rows = await ctx.db
      .query("posters")
      .withIndex("by_formId", (q) => q.eq("formId", args.formId))
      .collect();
    return rows
      .filter((row) => args.includeArchived === true || row.archived !== true)
      .map(toPoster);
  },
});

/** Renames a poster, with the rules of `create`. The code stays. */
export const rename = mutation({
  args: { posterId: v.id("posters"), name: v.string() },
  returns: v.null(),
  handler: async (ctx, args) => {
    const { doc } = await requireClinicDoc(
      ctx,
      args.posterId,
      `Poster ${args.posterId}`,
    );
    const name = requireName(args.name, "name", maxPosterNameLength);
    await requireFreeName(ctx, doc.formId, name, doc._id);
    await ctx.db.patch(doc._id, { name });
    return null;
  },
});

/**
 * Archives a poster: it leaves the list, and its printed code still
 * counts visits for it.
 */
export const archive = mutation({
  args: { posterId: v.id("posters") },
  returns: v.null(),
  handler: async (ctx, args) => {
    const { doc } = await requireClinicDoc(
      ctx,
      args.posterId,
      `Poster ${args.posterId}`,
    );
    await ctx.db.patch(doc._id, { archived: true });
    return null;
  },
});

/**
 * Resolves a printed poster's short URL, `/p/<code>`, for anyone: returns
 * the slug of the poster's form while the form is published, or null for
 * a malformed or unknown code and for a form that is not published.
 * Archived posters still resolve, because their prints stay on the wall.
 */
export const resolve = query({
  args: { code: v.string() },
  returns: v.union(v.null(), v.object({ slug: v.string() })),
  handler: async (ctx, args) => {
    if (!posterCodePattern.test(args.code)) return null;
    const poster = await ctx.db
      .query("posters")
      .withIndex("by_code", (q) => q.eq("code", args.code))
      .unique();
    if (poster === null) return null;
    const form = await ctx.db.get(poster.formId);
    if (form === null || form.publishedVersionId === null) return null;
    return { slug: form.slug };
  },
});
