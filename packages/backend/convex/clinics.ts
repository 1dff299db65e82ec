import { getAuthUserId } from "@convex-dev/auth/server";
import { v } from "convex/values";
import { mutation, query } from "./_generated/server";
import { requireUser } from "./lib/access";
import { requireName } from "./lib/text";
import { roleValidator } from "./lib/validators";

/**
 * Lists the clinics the caller is a member of, with the caller's role, in
 * the order the caller joined them. A new membership goes to the end, so
 * the first entry, which the staff app opens by default, stays the same.
 * Returns an empty list to anonymous callers, so a page can render before
 * sign-in completes.
 */
export const listMine = query({
  args: {},
  returns: v.array(
    v.object({
      clinicId: v.id("clinics"),
      name: v.string(),
      role: roleValidator,
    }),
  ),
  handler: async (ctx) => {
    const userId = await getAuthUserId(ctx);
    if (userId === null) return [];

    const members = await ctx.db
      .query("members")
      .withIndex("by_userId", (q) => q.eq("userId", userId))
      .collect();
    // The index already orders one user's rows by creation time. The
    // explicit sort keeps that order if the index ever gains a field.
    members.sort((a, b) => a._creationTime - b._creationTime);
    const rows = await Promise.all(
      members.map(async (member) => {
        const clinic = await ctx.db.get(member.clinicId);
        if (clinic === null) return null;
        return { clinicId: clinic._id, name: clinic.name, role: member.role };
      }),
    );
    return rows.filter((row) => row !== null);
  },
});

/** Creates a clinic and makes the caller its owner. */
export const create = mutation({
  args: { name: v.string() },
  returns: v.id("clinics"),
  handler: async (ctx, args) => {
    const userId = await requireUser(ctx);
    const name = requireName(args.name, "clinic name");

    const clinicId = await ctx.db.insert("clinics", {
      name,
      createdBy: userId,
    });
    await ctx.db.insert("members", { clinicId, userId, role: "owner" });
    return clinicId;
  },
});
