import {
  type FormDefinition,
  formDefinitionSchema,
  getTemplate,
  jsonByteLength,
  validateDefinition,
} from "@intake/form-schema";
import { v } from "convex/values";
import type { Doc, Id } from "./_generated/dataModel";
import { type MutationCtx, mutation, query } from "./_generated/server";
import { requireForm, requireMember } from "./lib/access";
import { intakeError } from "./lib/errors";
import { findPublishedForm } from "./lib/published";
import { uniqueSlug } from "./lib/slug";
import { requireName } from "./lib/text";
import { definitionValidator, formStatusValidator } from "./lib/validators";
import { defaultRetentionDays } from "./retention";
import {
  latestVersion,
  publishDraft,
  sameDefinition,
  versionSummaries,
  versionSummaryValidator,
} from "./versions";

/**
 * Maximum JSON size in bytes of a draft, a quarter of Convex's 1 MiB
 * document limit.
 */
export const maxDefinitionBytes = 256 * 1024;

/** A `DefinitionProblem` of `@intake/form-schema`. */
const problemValidator = v.object({
  code: v.string(),
  path: v.array(v.union(v.string(), v.number())),
  message: v.string(),
});

/** Lists a clinic's forms, most recently changed first. */
export const list = query({
  args: { clinicId: v.id("clinics") },
  returns: v.array(
    v.object({
      formId: v.id("forms"),
      title: v.string(),
      slug: v.string(),
      status: formStatusValidator,
      publishedVersion: v.union(v.number(), v.null()),
      updatedAt: v.number(),
    }),
  ),
  handler: async (ctx, args) => {
    await requireMember(ctx, args.clinicId);

    const forms = await ctx.db
      .query("forms")
      .withIndex("by_clinicId_and_updatedAt", (q) =>
        q.eq("clinicId", args.clinicId),
      )
      .order("desc")
      .collect();
    return forms.map((form) => ({
      formId: form._id,
      title: form.title,
      slug: form.slug,
      status: form.status,
      publishedVersion: form.publishedVersion,
      updatedAt: form.updatedAt,
    }));
  },
});

/** Returns a form for its clinic's staff: the draft and every version. */
export const get = query({
  args: { formId: v.id("forms") },
  returns: v.object({
    formId: v.id("forms"),
    clinicId: v.id("clinics"),
    title: v.string(),
    slug: v.string(),
    status: formStatusValidator,
    publishedVersion: v.union(v.number(), v.null()),
    publishedVersionId: v.union(v.id("formVersions"), v.null()),
    draft: definitionValidator,
    /** The revision a `saveDraft` of this draft must name. */
    draftRevision: v.number(),
    /** The number that publishing the draft would give its version. */
    nextVersion: v.number(),
    /** Whether the draft equals the newest version, so has no edits. */
    draftIsPublished: v.boolean(),
    updatedAt: v.number(),
    versions: v.array(versionSummaryValidator),
  }),
  handler: async (ctx, args) => {
    const { form } = await requireForm(ctx, args.formId);
    const latest = await latestVersion(ctx, form._id);
    return {
      formId: form._id,
      clinicId: form.clinicId,
      title: form.title,
      slug: form.slug,
      status: form.status,
      publishedVersion: form.publishedVersion,
      publishedVersionId: form.publishedVersionId,
      draft: form.draft,
      draftRevision: form.draftRevision ?? 0,
      nextVersion: (latest?.version ?? 0) + 1,
      draftIsPublished:
        latest !== null && sameDefinition(latest.definition, form.draft),
      updatedAt: form.updatedAt,
      versions: await versionSummaries(ctx, form._id),
    };
  },
});

/** Creates a draft form from a template of `@intake/form-schema`. */
export const createFromTemplate = mutation({
  args: {
    clinicId: v.id("clinics"),
    templateId: v.string(),
    title: v.optional(v.string()),
  },
  returns: v.id("forms"),
  handler: async (ctx, args) => {
    await requireMember(ctx, args.clinicId);

    const template = getTemplate(args.templateId);
    if (template === undefined) {
      throw intakeError({
        kind: "invalidArgument",
        argument: "templateId",
        message: `No template has the id "${args.templateId}".`,
      });
    }
    const title =
      args.title === undefined
        ? template.definition.title
        : requireName(args.title, "form title", 200);

    return await insertDraftForm(ctx, args.clinicId, {
      ...template.definition,
      title,
    });
  },
});

/** Creates a draft form with one empty page. */
export const createBlank = mutation({
  args: { clinicId: v.id("clinics"), title: v.string() },
  returns: v.id("forms"),
  handler: async (ctx, args) => {
    await requireMember(ctx, args.clinicId);
    const title = requireName(args.title, "form title", 200);
    return await insertDraftForm(ctx, args.clinicId, {
      title,
      pages: [{ id: "page1", title: "", fields: [] }],
    });
  },
});

async function insertDraftForm(
  ctx: MutationCtx,
  clinicId: Id<"clinics">,
  draft: FormDefinition,
): Promise<Id<"forms">> {
  return await ctx.db.insert("forms", {
    clinicId,
    title: draft.title,
    slug: await uniqueSlug(ctx, draft.title),
    draft,
    status: "draft",
    publishedVersion: null,
    publishedVersionId: null,
    draftRevision: 0,
    updatedAt: Date.now(),
    retentionDays: defaultRetentionDays,
  });
}

/**
 * Throws `draftConflict` unless `revision` is the form's current draft
 * revision. A missing `revision` throws too, because a caller that never
 * read the draft would overwrite whatever someone else saved.
 */
function requireRevision(form: Doc<"forms">, revision: number | undefined) {
  const currentRevision = form.draftRevision ?? 0;
  if (revision === undefined) {
    throw intakeError({
      kind: "draftConflict",
      message: `Missing revision for the draft of form ${form._id}. Read the form with forms:get and pass its draftRevision, ${currentRevision} now.`,
      currentRevision,
    });
  }
  if (revision !== currentRevision) {
    throw intakeError({
      kind: "draftConflict",
      message: `The draft of form ${form._id} is at revision ${currentRevision}, not ${revision}: someone else saved it. Load the latest draft and apply the change again.`,
      currentRevision,
    });
  }
}

/**
 * Validator of the draft revision a caller read. It accepts a missing
 * value only so that `requireRevision` rejects it with `draftConflict`,
 * which clients handle, instead of a bare argument error.
 */
const revisionValidator = v.optional(v.number());

/**
 * Replaces a form's draft and returns its new revision. The draft must
 * parse with `formDefinitionSchema`, but it may still break publishing
 * rules. Those come back as `problems`, which is empty for a publishable
 * draft. The save succeeds only if `revision` is the revision the caller
 * read and no one saved since, and throws `draftConflict` otherwise.
 */
export const saveDraft = mutation({
  args: {
    formId: v.id("forms"),
    definition: definitionValidator,
    revision: revisionValidator,
  },
  returns: v.object({
    problems: v.array(problemValidator),
    revision: v.number(),
  }),
  handler: async (ctx, args) => {
    const { form } = await requireForm(ctx, args.formId);
    requireRevision(form, args.revision);

    if (jsonByteLength(args.definition) > maxDefinitionBytes) {
      throw intakeError({
        kind: "invalidArgument",
        argument: "definition",
        message: `A form definition may have at most ${maxDefinitionBytes} bytes of JSON.`,
      });
    }
    const parsed = formDefinitionSchema.safeParse(args.definition);
    if (!parsed.success) {
      throw intakeError({
        kind: "invalidDefinition",
        message: "The definition does not have the shape of a form.",
        problems: validateDefinition(args.definition),
      });
    }

    const revision = (form.draftRevision ?? 0) + 1;
    await ctx.db.patch(form._id, {
      draft: parsed.data,
      draftRevision: revision,
      title: parsed.data.title.trim() || form.title,
      updatedAt: Date.now(),
    });
    return { problems: validateDefinition(parsed.data), revision };
  },
});

/**
 * Publishes the draft as a new immutable version, which patients then
 * see. Throws `invalidDefinition` when the draft cannot be published, and
 * `draftConflict` when `revision` is missing or someone saved since.
 */
export const publish = mutation({
  args: { formId: v.id("forms"), revision: revisionValidator },
  returns: v.object({ version: v.number() }),
  handler: async (ctx, args) => {
    const { form, userId } = await requireForm(ctx, args.formId);
    requireRevision(form, args.revision);
    return { version: await publishDraft(ctx, form, userId) };
  },
});

/**
 * Takes a published form offline: `getPublished` returns null and
 * `submissions:submit` rejects with `formNotFound`. Every version and
 * submission stays, and the next `publish` freezes a new live version.
 * Unpublishing a form that has no live version changes nothing.
 */
export const unpublish = mutation({
  args: { formId: v.id("forms") },
  returns: v.null(),
  handler: async (ctx, args) => {
    const { form } = await requireForm(ctx, args.formId);
    if (form.publishedVersionId === null) return null;

    await ctx.db.patch(form._id, {
      status: "unpublished",
      publishedVersion: null,
      publishedVersionId: null,
      updatedAt: Date.now(),
    });
    return null;
  },
});

/**
 * Returns the live version of a published form, for anyone, or null when
 * no form with this slug is published, malformed slugs included.
 */
export const getPublished = query({
  args: { slug: v.string() },
  returns: v.union(
    v.null(),
    v.object({
      formId: v.id("forms"),
      slug: v.string(),
      versionId: v.id("formVersions"),
      version: v.number(),
      title: v.string(),
      clinicName: v.string(),
      definition: definitionValidator,
    }),
  ),
  handler: async (ctx, args) => {
    const form = await findPublishedForm(ctx, args.slug);
    if (form === null) return null;

    const [version, clinic] = await Promise.all([
      ctx.db.get(form.publishedVersionId),
      ctx.db.get(form.clinicId),
    ]);
    if (version === null || clinic === null) return null;
    return {
      formId: form._id,
      slug: form.slug,
      versionId: version._id,
      version: version.version,
      title: version.definition.title,
      clinicName: clinic.name,
      definition: version.definition,
    };
  },
});
