import { v } from "convex/values";
import { query } from "./_generated/server";
import { readFormCounts } from "./counters";
import { requireForm } from "./lib/access";

/** Returns the exact view and submission totals of a form, for staff. */
export const forForm = query({
  args: { formId: v.id("forms") },
  returns: v.object({ views: v.number(), submissions: v.number() }),
  handler: async (ctx, args) => {
    await requireForm(ctx, args.formId);
    return await readFormCounts(ctx, args.formId);
  },
});
