import { isAcceptedFileType, LIMITS } from "@intake/form-schema";
import { v } from "convex/values";
import { internal } from "./_generated/api";
import {
  action,
  internalMutation,
  mutation,
  type MutationCtx,
} from "./_generated/server";
import { limitUpload } from "./limits";
import { intakeError } from "./lib/errors";
import { findUpload, formFileLimits, invalidFileError } from "./lib/files";
import { requirePublishedForm } from "./lib/published";
import { requireToken } from "./lib/text";

/** Unattached uploads older than this are deleted, in milliseconds. */
export const uploadMaxAgeMs = 24 * 60 * 60 * 1000;

/** Rows the cleanup deletes per run before it schedules another run. */
const cleanupBatchSize = 100;

/** Loads the live definition of the form published under `slug`. */
async function publishedDefinition(ctx: MutationCtx, slug: string) {
  const form = await requirePublishedForm(ctx, slug);
  const version = await ctx.db.get(form.publishedVersionId);
  if (version === null) {
    throw new Error(`Form ${form._id} points at a missing version.`);
  }
  return { form, definition: version.definition };
}

/**
 * Returns a URL that the patient's browser POSTs one file to, for a
 * published form with at least one file question. Anyone may call it.
 * Throws `formNotFound`, `invalidArgument` for a form without file
 * questions or a malformed visitor id, and `rateLimited` past the upload
 * limits in `limits.ts`.
 */
export const generateUploadUrl = mutation({
  args: { slug: v.string(), visitorId: v.string() },
  returns: v.string(),
  handler: async (ctx, args) => {
    requireToken(args.visitorId, "visitorId");
    const { form, definition } = await publishedDefinition(ctx, args.slug);
    if (formFileLimits(definition) === null) {
      throw intakeError({
        kind: "invalidArgument",
        argument: "slug",
        message: `Form "${args.slug}" has no file questions, so it takes no uploads.`,
      });
    }
    await limitUpload(ctx, form._id, args.visitorId);
    return await ctx.storage.generateUploadUrl();
  },
});

const registeredFile = v.object({
  name: v.optional(v.string()),
  contentType: v.string(),
  size: v.number(),
});

const recordResult = v.union(
  v.object({ ok: v.literal(true), file: registeredFile }),
  v.object({
    ok: v.literal(false),
    message: v.string(),
    /** Whether the file is unclaimed, so the caller may delete it. */
    deleteFile: v.boolean(),
  }),
);

/**
 * Records an uploaded file for a form and visitor after the browser's
 * POST, and returns its type and size as stored. Anyone may call it.
 * A repeated call for the same visitor returns the same result. A file
 * whose stored type or size no file question of the form accepts is
 * deleted, and the call throws `invalidFile`, as it does for a storage id
 * that is missing or registered by another visitor (which is kept).
 *
 * It is an action, not a mutation, because a mutation that throws rolls
 * back its own `storage.delete`.
 */
export const register = action({
  args: {
    slug: v.string(),
    visitorId: v.string(),
    storageId: v.id("_storage"),
    name: v.optional(v.string()),
  },
  returns: registeredFile,
  // Annotated because the handler calls a function of this module, which
  // TypeScript cannot infer through.
  handler: async (ctx, args): Promise<typeof registeredFile.type> => {
    const result: typeof recordResult.type = await ctx.runMutation(
      internal.uploads.record,
      args,
    );
    if (result.ok) return result.file;
    if (result.deleteFile) {
      await ctx.storage.delete(args.storageId);
    }
    throw invalidFileError(args.storageId, result.message);
  },
});

/** Checks and records an upload for `register`, in one transaction. */
export const record = internalMutation({
  args: {
    slug: v.string(),
    visitorId: v.string(),
    storageId: v.id("_storage"),
    name: v.optional(v.string()),
  },
  returns: recordResult,
  handler: async (ctx, args) => {
    requireToken(args.visitorId, "visitorId");
    const { form, definition } = await publishedDefinition(ctx, args.slug);
    const name = cleanFileName(args.name);

    const existing = await findUpload(ctx, args.storageId);
    if (existing !== null) {
      const sameOwner =
        existing.formId === form._id &&
        existing.visitorId === args.visitorId &&
        existing.submissionId === undefined;
      if (!sameOwner) {
        return {
          ok: false as const,
          message: "This file is already in use. Upload the file again.",
          deleteFile: false,
        };
      }
      const file = {
        ...(existing.name === undefined ? {} : { name: existing.name }),
        contentType: existing.contentType,
        size: existing.size,
      };
      return { ok: true as const, file };
    }

    const stored = await ctx.db.system.get(args.storageId);
    if (stored === null) {
      return {
        ok: false as const,
        message: "No uploaded file has this storage id. Upload the file again.",
        deleteFile: false,
      };
    }
    const contentType = (stored.contentType ?? "").toLowerCase();
    const limits = formFileLimits(definition);
    if (limits === null || !isAcceptedFileType(limits.accept, contentType)) {
      return {
        ok: false as const,
        message: `Files of type "${contentType || "unknown"}" are not accepted here. Choose a ${limits?.accept.join(", ") ?? "different"} file.`,
        deleteFile: true,
      };
    }
    if (stored.size > limits.maxSizeBytes) {
      return {
        ok: false as const,
        message: `The file has ${stored.size} bytes, above the maximum of ${limits.maxSizeBytes}. Choose a smaller file.`,
        deleteFile: true,
      };
    }

    await ctx.db.insert("uploads", {
      formId: form._id,
      clinicId: form.clinicId,
      visitorId: args.visitorId,
      storageId: args.storageId,
      ...(name === undefined ? {} : { name }),
      contentType,
      size: stored.size,
      createdAt: Date.now(),
    });
    const file = {
      ...(name === undefined ? {} : { name }),
      contentType,
      size: stored.size,
    };
    return { ok: true as const, file };
  },
});

/** Trims a browser-reported file name and caps it at 255 characters. */
function cleanFileName(name: string | undefined): string | undefined {
  const trimmed = name?.trim().slice(0, LIMITS.fileNameLength);
  return trimmed === undefined || trimmed === "" ? undefined : trimmed;
}

/**
 * Deletes unattached uploads older than 24 hours, with their files, in
 * batches of 100. A full batch schedules the next one at once. Files that
 * were uploaded but never registered have no row here, and
 * `orphanFiles:deleteUnregistered` deletes those.
 */
export const deleteStale = internalMutation({
  args: {},
  returns: v.number(),
  handler: async (ctx) => {
    const cutoff = Date.now() - uploadMaxAgeMs;
    const stale = await ctx.db
      .query("uploads")
      .withIndex("by_submissionId_and_createdAt", (q) =>
        q.eq("submissionId", undefined).lt("createdAt", cutoff),
      )
      .take(cleanupBatchSize);
    for (const upload of stale) {
      if ((await ctx.db.system.get(upload.storageId)) !== null) {
        await ctx.storage.delete(upload.storageId);
      }
      await ctx.db.delete(upload._id);
    }
    if (stale.length === cleanupBatchSize) {
      await ctx.scheduler.runAfter(0, internal.uploads.deleteStale, {});
    }
    return stale.length;
  },
});
