import { v } from "convex/values";
import { mutation } from "./_generated/server";
import { countView } from "./counters";
import { requirePublishedForm } from "./lib/published";
import { requireToken } from "./lib/text";

/**
 * Counts one page view of a published form. Anyone may call it; every
 * call counts, including reloads by the same visitor.
 * Throws `formNotFound` when the slug has no published form.
 */
export const record = mutation({
  args: { slug: v.string(), visitorId: v.string() },
  returns: v.null(),
  handler: async (ctx, args) => {
    requireToken(args.visitorId, "visitorId");

    const form = await requirePublishedForm(ctx, args.slug);
    await countView(ctx, form._id);
    return null;
  },
});
