import type { Doc } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";

/** The fields of an audit entry that the caller chooses. */
export type AuditEntry = Omit<Doc<"audit">, "_id" | "_creationTime" | "at">;

/**
 * Inserts one audit entry stamped with the current time. Callers pass
 * references and counts in `detail`, never answers.
 */
export async function writeAudit(
  ctx: MutationCtx,
  entry: AuditEntry,
): Promise<void> {
  await ctx.db.insert("audit", { ...entry, at: Date.now() });
}
