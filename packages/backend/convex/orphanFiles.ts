import { v } from "convex/values";
import { internal } from "./_generated/api";
import { internalMutation } from "./_generated/server";
import { findUpload } from "./lib/files";
import { uploadMaxAgeMs } from "./uploads";

/** Files the cleanup checks per run before it schedules another run. */
const sweepBatchSize = 200;

/**
 * Deletes stored files that are older than `maxAgeMs` (24 hours unless
 * given) and have no `uploads` row. A browser may POST a file to an
 * upload URL and never call `uploads:register`, and such a file belongs
 * to no form, so nothing else would ever delete it. Registered files are
 * left to `uploads:deleteStale` and to the deletion of their submission.
 *
 * Each file is checked once: the `fileSweeps` row stores the creation
 * time of the newest file checked, and the next run starts after it. A
 * full batch schedules the next run at once. Returns the number of files
 * deleted.
 */
export const deleteUnregistered = internalMutation({
  args: { maxAgeMs: v.optional(v.number()) },
  returns: v.number(),
  handler: async (ctx, args) => {
    const cutoff = Date.now() - (args.maxAgeMs ?? uploadMaxAgeMs);
    const sweep = await ctx.db.query("fileSweeps").first();
    const scannedUntil = sweep?.scannedUntil ?? 0;

    const files = await ctx.db.system
      .query("_storage")
      .withIndex("by_creation_time", (q) =>
        q.gt("_creationTime", scannedUntil).lt("_creationTime", cutoff),
      )
      .take(sweepBatchSize);
    let deleted = 0;
    for (const file of files) {
      if ((await findUpload(ctx, file._id)) === null) {
        await ctx.storage.delete(file._id);
        deleted++;
      }
    }

    const last = files.at(-1);
    if (last !== undefined) {
      const next = { scannedUntil: last._creationTime };
      if (sweep === null) await ctx.db.insert("fileSweeps", next);
      else await ctx.db.patch(sweep._id, next);
    }
    if (files.length === sweepBatchSize) {
      await ctx.scheduler.runAfter(0, internal.orphanFiles.deleteUnregistered, {
        ...args,
      });
    }
    return deleted;
  },
});
