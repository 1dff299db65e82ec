import { v } from "convex/values";
import { mutation } from "./_generated/server";
import { countView } from "./counters";
import { limitView } from "./limits";
import { requirePublishedForm } from "./lib/published";
import { requireToken } from "./lib/text";

/**
 * Counts one page view of a published form. Anyone may call it, and
 * every call within the view limits counts, including reloads by the
 * same visitor.
 * Throws `formNotFound` when the slug has no published form, and
 * `rateLimited` past the view limits in `limits.ts`, counting nothing.
 */
export const record = mutation({
  args: { slug: v.string(), visitorId: v.string() },
  returns: v.null(),
  handler: async (ctx, args) => {
    requireToken(args.visitorId, "visitorId");

    const form = await requirePublishedForm(ctx, args.slug);
    await limitView(ctx, form._id, args.visitorId);
    await countView(ctx, form._id);
    return null;
  },
});
