import { v } from "convex/values";
import { internalQuery } from "./_generated/server";

// Read-only inspection for the test suite. The suite also runs against a
// backend over HTTP, where a test cannot pass a closure that reads the
// database, so it calls these instead. They are internal: only callers
// with the deployment's admin key can run them.

const countableTable = v.union(
  v.literal("users"),
  v.literal("clinics"),
  v.literal("members"),
  v.literal("forms"),
  v.literal("formVersions"),
  v.literal("submissions"),
  v.literal("posters"),
  v.literal("visits"),
);

/** Returns the number of rows in `table`. */
export const countRows = internalQuery({
  args: { table: countableTable },
  returns: v.number(),
  handler: async (ctx, args) => {
    const rows = await ctx.db.query(args.table).collect();
    return rows.length;
  },
});

/** Returns the number of stored submissions to any form of a clinic. */
export const countClinicSubmissions = internalQuery({
  args: { clinicId: v.id("clinics") },
  returns: v.number(),
  handler: async (ctx, args) => {
    const rows = await ctx.db
      .query("submissions")
      .withIndex("by_clinicId_and_reference", (q) =>
        q.eq("clinicId", args.clinicId),
      )
      .collect();
    return rows.length;
  },
});

/** Returns the number of published versions of a form. */
export const countFormVersions = internalQuery({
  args: { formId: v.id("forms") },
  returns: v.number(),
  handler: async (ctx, args) => {
    const rows = await ctx.db
      .query("formVersions")
      .withIndex("by_formId_and_version", (q) => q.eq("formId", args.formId))
      .collect();
    return rows.length;
  },
});

/** Returns the Password provider account of `email`, or null. */
export const findPasswordAccount = internalQuery({
  args: { email: v.string() },
  returns: v.union(
    v.null(),
    v.object({ userId: v.id("users"), secret: v.optional(v.string()) }),
  ),
  handler: async (ctx, args) => {
    const account = await ctx.db
      .query("authAccounts")
      .withIndex("providerAndAccountId", (q) =>
        q.eq("provider", "password").eq("providerAccountId", args.email),
      )
      .unique();
    if (account === null) return null;
    return { userId: account.userId, secret: account.secret };
  },
});
