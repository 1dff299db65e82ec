import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { findUpload } from "./files";

/**
 * Collects the storage ids of file answers, including answers inside
 * repeating group items. A file answer is an object with a string
 * `storageId`, as `FileAnswer` of `@intake/form-schema` defines it.
 */
export function answerStorageIds(answers: unknown): Id<"_storage">[] {
  const found: Id<"_storage">[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (typeof value !== "object" || value === null) return;
    const record = value as Record<string, unknown>;
    if (typeof record.storageId === "string") {
      found.push(record.storageId as Id<"_storage">);
      return;
    }
    Object.values(record).forEach(visit);
  };
  Object.values((answers ?? {}) as Record<string, unknown>).forEach(visit);
  return found;
}

/**
 * Deletes a submission row, the stored files its answers point at and
 * their `uploads` rows. A file that is already gone is skipped, so a
 * retried purge succeeds.
 */
export async function deleteSubmission(
  ctx: MutationCtx,
  row: Doc<"submissions">,
): Promise<void> {
  for (const storageId of answerStorageIds(row.answers)) {
    const metadata = await ctx.db.system.get(storageId);
    if (metadata !== null) await ctx.storage.delete(storageId);
    const upload = await findUpload(ctx, storageId);
    if (upload !== null) await ctx.db.delete(upload._id);
  }
  await ctx.db.delete(row._id);
}
