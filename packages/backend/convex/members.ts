import { getAuthUserId } from "@convex-dev/auth/server";
import { v } from "convex/values";
import type { Doc, Id } from "./_generated/dataModel";
import {
  internalMutation,
  mutation,
  query,
  type QueryCtx,
} from "./_generated/server";
import { requireMember, requireOwner } from "./lib/access";
import { normalizeEmail } from "./lib/email";
import { intakeError } from "./lib/errors";
import { isValidSlug } from "./lib/slug";
import { roleValidator } from "./lib/validators";

/**
 * Lists the members of a clinic, marking the caller's own row. Any member
 * may read the list.
 */
export const list = query({
  args: { clinicId: v.id("clinics") },
  returns: v.array(
    v.object({
      userId: v.id("users"),
      email: v.union(v.string(), v.null()),
      role: roleValidator,
      isCaller: v.boolean(),
    }),
  ),
  handler: async (ctx, args) => {
    const { userId } = await requireMember(ctx, args.clinicId);

    const members = await ctx.db
      .query("members")
      .withIndex("by_clinicId_and_userId", (q) =>
        q.eq("clinicId", args.clinicId),
      )
      .collect();
    return await Promise.all(
      members.map(async (member) => {
        const user = await ctx.db.get(member.userId);
        return {
          userId: member.userId,
          email: user?.email ?? null,
          role: member.role,
          isCaller: member.userId === userId,
        };
      }),
    );
  },
});

/**
 * Returns whether the caller may close kiosk mode on the form with `slug`:
 * true only for a staff member or owner of the clinic that owns the form.
 * Anonymous callers, members of other clinics and unknown or malformed
 * slugs get false. The form need not be published, so staff can still
 * leave a kiosk whose form was unpublished.
 */
export const canExitKiosk = query({
  args: { slug: v.string() },
  returns: v.boolean(),
  handler: async (ctx, args) => {
    const userId = await getAuthUserId(ctx);
    if (userId === null || !isValidSlug(args.slug)) return false;

    const form = await ctx.db
      .query("forms")
      .withIndex("by_slug", (q) => q.eq("slug", args.slug))
      .unique();
    if (form === null) return false;
    const member = await ctx.db
      .query("members")
      .withIndex("by_clinicId_and_userId", (q) =>
        q.eq("clinicId", form.clinicId).eq("userId", userId),
      )
      .unique();
    return member !== null;
  },
});

/**
 * Adds an existing account, found by its email address, to a clinic, for
 * scripts and tests. Adding a current member changes their role.
 * It is internal because the account's owner has not agreed to join.
 * Throws `notFound` for an email without an account and `lastOwner` when
 * the change would leave the clinic without an owner.
 */
export const addExisting = internalMutation({
  args: { clinicId: v.id("clinics"), email: v.string(), role: roleValidator },
  returns: v.id("users"),
  handler: async (ctx, args) => {
    const clinic = await ctx.db.get(args.clinicId);
    if (clinic === null) {
      throw intakeError({
        kind: "notFound",
        message: `Clinic ${args.clinicId} was not found.`,
      });
    }
    const email = normalizeEmail(args.email);
    const user = await ctx.db
      .query("users")
      .withIndex("email", (q) => q.eq("email", email))
      .first();
    if (user === null) {
      throw intakeError({
        kind: "notFound",
        message: `No account uses ${email}.`,
      });
    }

    const existing = await ctx.db
      .query("members")
      .withIndex("by_clinicId_and_userId", (q) =>
        q.eq("clinicId", args.clinicId).eq("userId", user._id),
      )
      .unique();
    if (existing === null) {
      await ctx.db.insert("members", {
        clinicId: args.clinicId,
        userId: user._id,
        role: args.role,
      });
    } else {
      await requireAnotherOwner(ctx, existing, args.role);
      await ctx.db.patch(existing._id, { role: args.role });
    }
    return user._id;
  },
});

/** Loads the membership of `userId` in `clinicId`, or throws `notFound`. */
async function requireTarget(
  ctx: QueryCtx,
  clinicId: Id<"clinics">,
  userId: Id<"users">,
): Promise<Doc<"members">> {
  const existing = await ctx.db
    .query("members")
    .withIndex("by_clinicId_and_userId", (q) =>
      q.eq("clinicId", clinicId).eq("userId", userId),
    )
    .unique();
  if (existing === null) {
    throw intakeError({
      kind: "notFound",
      message: `User ${userId} is not a member of this clinic.`,
    });
  }
  return existing;
}

/**
 * Removes a member from a clinic. Only owners may remove members.
 * Throws `lastOwner` for the clinic's only owner.
 */
export const remove = mutation({
  args: { clinicId: v.id("clinics"), userId: v.id("users") },
  returns: v.null(),
  handler: async (ctx, args) => {
    await requireOwner(ctx, args.clinicId);
    const existing = await requireTarget(ctx, args.clinicId, args.userId);
    await requireAnotherOwner(ctx, existing, null);
    await ctx.db.delete(existing._id);
    return null;
  },
});

/**
 * Changes a member's role. Only owners may change roles.
 * Throws `lastOwner` when it would demote the clinic's only owner.
 */
export const setRole = mutation({
  args: {
    clinicId: v.id("clinics"),
    userId: v.id("users"),
    role: roleValidator,
  },
  returns: v.null(),
  handler: async (ctx, args) => {
    await requireOwner(ctx, args.clinicId);
    const existing = await requireTarget(ctx, args.clinicId, args.userId);
    await requireAnotherOwner(ctx, existing, args.role);
    await ctx.db.patch(existing._id, { role: args.role });
    return null;
  },
});

/**
 * Removes the caller from a clinic. Any member may leave.
 * Throws `lastOwner` when the caller is the clinic's only owner.
 */
export const leave = mutation({
  args: { clinicId: v.id("clinics") },
  returns: v.null(),
  handler: async (ctx, args) => {
    const { member } = await requireMember(ctx, args.clinicId);
    await requireAnotherOwner(ctx, member, null);
    await ctx.db.delete(member._id);
    return null;
  },
});

/**
 * Throws `lastOwner` when demoting or removing `member` would leave its
 * clinic without an owner. `newRole` is null for a removal.
 */
async function requireAnotherOwner(
  ctx: QueryCtx,
  member: Doc<"members">,
  newRole: Doc<"members">["role"] | null,
): Promise<void> {
  if (member.role !== "owner" || newRole === "owner") return;

  const members = await ctx.db
    .query("members")
    .withIndex("by_clinicId_and_userId", (q) =>
      q.eq("clinicId", member.clinicId),
    )
    .collect();
  const owners = members.filter((row) => row.role === "owner").length;
  if (owners < 2) {
    throw intakeError({
      kind: "lastOwner",
      message:
        "A clinic needs at least one owner. Make another member an owner first.",
    });
  }
}
