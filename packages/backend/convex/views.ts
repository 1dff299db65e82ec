import { v } from "convex/values";
import { mutation } from "./_generated/server";
import { countView } from "./counters";
import { limitView } from "./limits";
import { requirePublishedForm } from "./lib/published";
import { requireToken } from "./lib/text";
import { ensureVisit, resolveSource } from "./lib/visits";

/**
 * Counts one page view of a published form. Anyone may call it, and
 * every call within the view limits counts, including reloads by the
 * same visitor. The first view of a visitor for a form also counts a
 * unique visitor. `source` is a poster code: a code of one of the
 * form's posters counts the view for that poster too, and any other
 * code counts it for the form alone. The visitor's first request fixes
 * the visit's poster.
 * Throws `formNotFound` when the slug has no published form, and
 * `rateLimited` past the view limits in `limits.ts`, counting nothing.
 */
export const record = mutation({
  args: {
    slug: v.string(),
    visitorId: v.string(),
    source: v.optional(v.string()),
  },
  returns: v.null(),
  handler: async (ctx, args) => {
    requireToken(args.visitorId, "visitorId");

    const form = await requirePublishedForm(ctx, args.slug);
    await limitView(ctx, form._id, args.visitorId);
    const source = await resolveSource(ctx, form, args.source);
    const visit = await ensureVisit(ctx, form, args.visitorId, source);
    await countView(ctx, form._id, visit.source);
    return null;
  },
});
