import { v } from "convex/values";
import { internalMutation, query } from "./_generated/server";

/** Number of messages `latest` returns. */
export const outboxPageSize = 20;

/**
 * Stores an outgoing message. Nothing sends the rows on. Staff read them
 * on the admin app's outbox page while `INTAKE_DEV_OUTBOX` is "1".
 */
export const send = internalMutation({
  args: {
    to: v.string(),
    subject: v.string(),
    text: v.string(),
    code: v.optional(v.string()),
  },
  returns: v.id("outbox"),
  handler: async (ctx, args) => {
    return await ctx.db.insert("outbox", { ...args, sentAt: Date.now() });
  },
});

/** Returns true when the backend environment turns the outbox page on. */
function outboxEnabled(): boolean {
  return process.env.INTAKE_DEV_OUTBOX === "1";
}

/**
 * Lists the newest messages first, to anyone, but only while the backend
 * environment variable `INTAKE_DEV_OUTBOX` is "1". Returns null otherwise.
 * The rows contain sign-in codes, so the variable must stay unset on any
 * deployment that real people use.
 */
export const latest = query({
  args: {},
  returns: v.union(
    v.null(),
    v.array(
      v.object({
        messageId: v.id("outbox"),
        to: v.string(),
        subject: v.string(),
        text: v.string(),
        code: v.union(v.string(), v.null()),
        sentAt: v.number(),
      }),
    ),
  ),
  handler: async (ctx) => {
    if (!outboxEnabled()) return null;
    const rows = await ctx.db
      .query("outbox")
      .order("desc")
      .take(outboxPageSize);
    return rows.map((row) => ({
      messageId: row._id,
      to: row.to,
      subject: row.subject,
      text: row.text,
      code: row.code ?? null,
      sentAt: row.sentAt,
    }));
  },
});
