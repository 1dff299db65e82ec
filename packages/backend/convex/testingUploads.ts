import { v } from "convex/values";
import {
  internalAction,
  internalMutation,
  internalQuery,
} from "./_generated/server";

// Upload setup and inspection for the test suite. Neither convex-test nor
// convex-local serves the upload URL that `generateUploadUrl` returns, so
// tests store files through `storeFile` instead. All are internal: only
// callers with the deployment's admin key can run them.

/** Stores a file of `size` zero bytes with `contentType` and returns its id. */
export const storeFile = internalAction({
  args: { contentType: v.string(), size: v.number() },
  returns: v.id("_storage"),
  handler: async (ctx, args) => {
    const blob = new Blob([new Uint8Array(args.size)], {
      type: args.contentType,
    });
    return await ctx.storage.store(blob);
  },
});

/** Returns the stored size and type of a file, or null when it is gone. */
export const storedFile = internalQuery({
  args: { storageId: v.id("_storage") },
  returns: v.union(
    v.null(),
    v.object({ size: v.number(), contentType: v.optional(v.string()) }),
  ),
  handler: async (ctx, args) => {
    const stored = await ctx.db.system.get(args.storageId);
    if (stored === null) return null;
    return {
      size: stored.size,
      ...(stored.contentType === undefined
        ? {}
        : { contentType: stored.contentType }),
    };
  },
});

/** Returns the upload row of a file, or null. */
export const uploadRow = internalQuery({
  args: { storageId: v.id("_storage") },
  returns: v.union(
    v.null(),
    v.object({
      visitorId: v.string(),
      formId: v.id("forms"),
      submissionId: v.union(v.id("submissions"), v.null()),
    }),
  ),
  handler: async (ctx, args) => {
    const row = await ctx.db
      .query("uploads")
      .withIndex("by_storageId", (q) => q.eq("storageId", args.storageId))
      .unique();
    if (row === null) return null;
    return {
      visitorId: row.visitorId,
      formId: row.formId,
      submissionId: row.submissionId ?? null,
    };
  },
});

/** Moves an upload's `createdAt` back by `ms`, to test the cleanup. */
export const backdateUpload = internalMutation({
  args: { storageId: v.id("_storage"), ms: v.number() },
  returns: v.null(),
  handler: async (ctx, args) => {
    const row = await ctx.db
      .query("uploads")
      .withIndex("by_storageId", (q) => q.eq("storageId", args.storageId))
      .unique();
    if (row === null) throw new Error(`No upload has ${args.storageId}.`);
    await ctx.db.patch(row._id, { createdAt: row.createdAt - args.ms });
    return null;
  },
});

/** Deletes a stored file, as an expired or removed upload would be. */
export const deleteFile = internalMutation({
  args: { storageId: v.id("_storage") },
  returns: v.null(),
  handler: async (ctx, args) => {
    await ctx.storage.delete(args.storageId);
    return null;
  },
});
