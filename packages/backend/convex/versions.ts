import { validateDefinition } from "@intake/form-schema";
import { v } from "convex/values";
import type { Doc, Id } from "./_generated/dataModel";
import { type MutationCtx, query, type QueryCtx } from "./_generated/server";
import { requireClinicDoc, requireForm } from "./lib/access";
import { intakeError } from "./lib/errors";
import { definitionValidator } from "./lib/validators";

/** Version metadata as listed to staff, newest first. */
export const versionSummaryValidator = v.object({
  versionId: v.id("formVersions"),
  version: v.number(),
  publishedAt: v.number(),
  /** Name or email of the staff member who published it. */
  publishedBy: v.string(),
});

/** Lists the published versions of a form, newest first. */
export const list = query({
  args: { formId: v.id("forms") },
  returns: v.array(versionSummaryValidator),
  handler: async (ctx, args) => {
    await requireForm(ctx, args.formId);
    return await versionSummaries(ctx, args.formId);
  },
});

/** Returns the version metadata of a form, newest first. */
export async function versionSummaries(
  ctx: QueryCtx,
  formId: Id<"forms">,
): Promise<Array<typeof versionSummaryValidator.type>> {
  const versions = await ctx.db
    .query("formVersions")
    .withIndex("by_formId_and_version", (q) => q.eq("formId", formId))
    .order("desc")
    .collect();
  const names = new Map<Id<"users">, string>();
  for (const row of versions) {
    if (!names.has(row.publishedBy)) {
      names.set(row.publishedBy, await userName(ctx, row.publishedBy));
    }
  }
  return versions.map((row) => ({
    versionId: row._id,
    version: row.version,
    publishedAt: row.publishedAt,
    publishedBy: names.get(row.publishedBy) ?? "Unknown",
  }));
}

async function userName(ctx: QueryCtx, userId: Id<"users">): Promise<string> {
  const user = await ctx.db.get(userId);
  return user?.name ?? user?.email ?? "Unknown";
}

/** Compares two definitions by their JSON, key order included. */
export function sameDefinition(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Returns one frozen version with its definition, for staff. */
export const get = query({
  args: { versionId: v.id("formVersions") },
  returns: v.object({
    versionId: v.id("formVersions"),
    formId: v.id("forms"),
    version: v.number(),
    definition: definitionValidator,
    publishedAt: v.number(),
  }),
  handler: async (ctx, args) => {
    const { doc: row } = await requireClinicDoc(
      ctx,
      args.versionId,
      `Version ${args.versionId}`,
    );
    return {
      versionId: row._id,
      formId: row.formId,
      version: row.version,
      definition: row.definition,
      publishedAt: row.publishedAt,
    };
  },
});

/** Returns the newest frozen version of a form, or null before publishing. */
export async function latestVersion(
  ctx: QueryCtx,
  formId: Id<"forms">,
): Promise<Doc<"formVersions"> | null> {
  return await ctx.db
    .query("formVersions")
    .withIndex("by_formId_and_version", (q) => q.eq("formId", formId))
    .order("desc")
    .first();
}

/**
 * Freezes the form's draft as its next version and makes that version the
 * live one. Publishing a draft equal to the live version creates nothing
 * and returns that version's number. After an unpublish no version is
 * live, so publishing freezes a new one even for an unchanged draft.
 * Throws `invalidDefinition` with the problems `validateDefinition` finds.
 */
export async function publishDraft(
  ctx: MutationCtx,
  form: Doc<"forms">,
  userId: Id<"users">,
): Promise<number> {
  const problems = validateDefinition(form.draft);
  if (problems.length > 0) {
    throw intakeError({
      kind: "invalidDefinition",
      message: `Form ${form._id} has ${problems.length} problem(s) to fix before publishing.`,
      problems,
    });
  }

  const latest = await latestVersion(ctx, form._id);
  if (
    latest !== null &&
    latest._id === form.publishedVersionId &&
    sameDefinition(latest.definition, form.draft)
  ) {
    return latest.version;
  }

  const now = Date.now();
  const version = (latest?.version ?? 0) + 1;
  const versionId = await ctx.db.insert("formVersions", {
    formId: form._id,
    clinicId: form.clinicId,
    version,
    definition: form.draft,
    publishedBy: userId,
    publishedAt: now,
  });
  await ctx.db.patch(form._id, {
    status: "published",
    publishedVersion: version,
    publishedVersionId: versionId,
    updatedAt: now,
  });
  return version;
}
