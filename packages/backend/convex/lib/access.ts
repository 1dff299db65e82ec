import { getAuthUserId } from "@convex-dev/auth/server";
import type { Doc, Id } from "../_generated/dataModel";
import type { QueryCtx } from "../_generated/server";
import { intakeError } from "./errors";

/** A member's role; `owner` includes every right of `staff`. */
export type Role = Doc<"members">["role"];

const roleRank: Record<Role, number> = { staff: 1, owner: 2 };

/**
 * Returns the signed-in user's id.
 * Throws `unauthenticated` for anonymous callers.
 */
export async function requireUser(ctx: QueryCtx): Promise<Id<"users">> {
  const userId = await getAuthUserId(ctx);
  if (userId === null) {
    throw intakeError({
      kind: "unauthenticated",
      message: "Sign in to use this function.",
    });
  }
  return userId;
}

/** Returns the membership row of `userId` in `clinicId`, or null. */
async function findMember(
  ctx: QueryCtx,
  clinicId: Id<"clinics">,
  userId: Id<"users">,
): Promise<Doc<"members"> | null> {
  return await ctx.db
    .query("members")
    .withIndex("by_clinicId_and_userId", (q) =>
      q.eq("clinicId", clinicId).eq("userId", userId),
    )
    .unique();
}

/**
 * Checks that the caller belongs to `clinicId` with at least `role`, and
 * returns the caller and the membership row.
 * Throws `unauthenticated` for anonymous callers and `forbidden` for
 * everyone else who is not a member with that role.
 */
export async function requireMember(
  ctx: QueryCtx,
  clinicId: Id<"clinics">,
  role: Role = "staff",
): Promise<{ userId: Id<"users">; member: Doc<"members"> }> {
  const userId = await requireUser(ctx);
  const member = await findMember(ctx, clinicId, userId);
  if (member === null || roleRank[member.role] < roleRank[role]) {
    throw intakeError({
      kind: "forbidden",
      // The clinic id stays out: a caller may have reached it through a
      // row of a clinic they do not belong to, such as an invite.
      message: `This needs the ${role} role in this clinic.`,
    });
  }
  return { userId, member };
}

/**
 * Checks that the caller is an owner of `clinicId`, and returns the caller
 * and the membership row. Owners alone manage members, invites, retention
 * and deletion.
 * Throws `unauthenticated` for anonymous callers and `forbidden`, naming
 * the owner role, for everyone else.
 */
export async function requireOwner(
  ctx: QueryCtx,
  clinicId: Id<"clinics">,
): Promise<{ userId: Id<"users">; member: Doc<"members"> }> {
  return await requireMember(ctx, clinicId, "owner");
}

function notFound(label: string) {
  return intakeError({ kind: "notFound", message: `${label} was not found.` });
}

/** Tables whose rows belong to one clinic through a `clinicId` field. */
type ClinicTable = "forms" | "formVersions" | "submissions" | "posters";

/**
 * Loads a row that belongs to a clinic the caller is a member of.
 * `label` names the row in the message, such as "Form <id>".
 * Throws `unauthenticated` for anonymous callers, then `notFound` both for
 * missing rows and for rows of other clinics, so ids reveal nothing.
 */
export async function requireClinicDoc<Table extends ClinicTable>(
  ctx: QueryCtx,
  id: Id<Table>,
  label: string,
): Promise<{ userId: Id<"users">; doc: Doc<Table> }> {
  const userId = await requireUser(ctx);
  const doc = (await ctx.db.get(id)) as Doc<ClinicTable> | null;
  if (doc === null) throw notFound(label);
  const member = await findMember(ctx, doc.clinicId, userId);
  if (member === null) throw notFound(label);
  // The row came from `id`, so it is a row of `Table`; TypeScript cannot
  // narrow the union through the generic parameter.
  return { userId, doc: doc as unknown as Doc<Table> };
}

/**
 * Loads a form of a clinic the caller is a member of.
 * Throws like `requireClinicDoc`.
 */
export async function requireForm(
  ctx: QueryCtx,
  formId: Id<"forms">,
): Promise<{ userId: Id<"users">; form: Doc<"forms"> }> {
  const { userId, doc } = await requireClinicDoc(ctx, formId, `Form ${formId}`);
  return { userId, form: doc };
}
