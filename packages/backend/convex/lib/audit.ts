import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";

/** The fields of an audit entry that the caller chooses. */
export type AuditEntry = Omit<Doc<"audit">, "_id" | "_creationTime" | "at">;

/**
 * Inserts one audit entry stamped with the current time and returns its
 * id. Callers pass references and counts in `detail`, never answers.
 */
export async function writeAudit(
  ctx: MutationCtx,
  entry: AuditEntry,
): Promise<Id<"audit">> {
  return await ctx.db.insert("audit", { ...entry, at: Date.now() });
}

/**
 * Describes an export for the audit log: the row count, the form and the
 * `submittedAt` range, with "any" for an open bound.
 */
export function exportDetail(
  formTitle: string,
  rowCount: number,
  from: number | undefined,
  to: number | undefined,
): string {
  const [start, end] = [from, to].map((bound) =>
    bound === undefined ? "any" : new Date(bound).toISOString(),
  );
  return `${rowCount} submissions of ${formTitle}, sent from ${start} to ${end}`;
}
