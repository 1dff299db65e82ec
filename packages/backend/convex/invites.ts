import { v } from "convex/values";
import type { Doc, Id } from "./_generated/dataModel";
import {
  internalMutation,
  mutation,
  query,
  type MutationCtx,
  type QueryCtx,
} from "./_generated/server";
import { requireOwner, requireUser } from "./lib/access";
import { normalizeEmail } from "./lib/email";
import { intakeError } from "./lib/errors";
import { randomToken, sha256Hex } from "./lib/secrets";
import { roleValidator } from "./lib/validators";

/** Milliseconds an invite link stays valid: 7 days. */
export const inviteLifetimeMs = 7 * 24 * 60 * 60 * 1000;

/**
 * Maximum token length `peek` and `accept` hash. Real tokens have 43
 * characters (32 random bytes in base64url).
 */
const maxTokenLength = 128;

/** Maximum number of invites `list` returns. */
const maxListedInvites = 100;

const inviteStateValidator = v.union(
  v.literal("valid"),
  v.literal("expired"),
  v.literal("used"),
  v.literal("revoked"),
);

type InviteState = "valid" | "expired" | "used" | "revoked";

/** Returns the state of `invite` at `now`. Used and revoked win over expired. */
function inviteState(invite: Doc<"invites">, now: number): InviteState {
  if (invite.usedAt !== undefined) return "used";
  if (invite.revokedAt !== undefined) return "revoked";
  if (invite.expiresAt <= now) return "expired";
  return "valid";
}

/** Finds the invite of a link token, or null for unknown or oversized ones. */
async function findByToken(
  ctx: QueryCtx,
  token: string,
): Promise<Doc<"invites"> | null> {
  if (token.length === 0 || token.length > maxTokenLength) return null;
  const tokenHash = await sha256Hex(token);
  return await ctx.db
    .query("invites")
    .withIndex("by_tokenHash", (q) => q.eq("tokenHash", tokenHash))
    .unique();
}

/**
 * Inserts an invite and returns its id and the link token, which only
 * this return value ever contains.
 */
async function insertInvite(
  ctx: MutationCtx,
  fields: {
    clinicId: Id<"clinics">;
    role: Doc<"invites">["role"];
    email?: string;
    createdBy: Id<"users">;
    expiresAt: number;
  },
): Promise<{ inviteId: Id<"invites">; token: string }> {
  const token = randomToken();
  const inviteId = await ctx.db.insert("invites", {
    ...fields,
    tokenHash: await sha256Hex(token),
    createdAt: Date.now(),
  });
  return { inviteId, token };
}

/** Returns the normalized address, or undefined for an empty or missing one. */
function optionalEmail(email: string | undefined): string | undefined {
  if (email === undefined || email.trim() === "") return undefined;
  return normalizeEmail(email);
}

/**
 * Creates a single-use invite to the clinic with `role`, valid for 7 days,
 * and returns the token for the link `<admin origin>/invite/<token>`.
 * Only owners may invite. `email` is a note for the owner's list and is
 * not checked when the link is accepted.
 * Throws `invalidArgument` (argument "email") for a malformed address.
 */
export const create = mutation({
  args: {
    clinicId: v.id("clinics"),
    role: roleValidator,
    email: v.optional(v.string()),
  },
  returns: v.object({
    inviteId: v.id("invites"),
    token: v.string(),
    expiresAt: v.number(),
  }),
  handler: async (ctx, args) => {
    const { userId } = await requireOwner(ctx, args.clinicId);
    const email = optionalEmail(args.email);
    const expiresAt = Date.now() + inviteLifetimeMs;
    const created = await insertInvite(ctx, {
      clinicId: args.clinicId,
      role: args.role,
      ...(email === undefined ? {} : { email }),
      createdBy: userId,
      expiresAt,
    });
    return { ...created, expiresAt };
  },
});

/**
 * Creates an invite that expires `expiresInMs` from now, which may be
 * negative for an invite that has already expired, in the name of the
 * clinic's creator. It is internal, for tests and scripts that need an
 * expired link without waiting 7 days.
 */
export const createWithExpiry = internalMutation({
  args: {
    clinicId: v.id("clinics"),
    role: roleValidator,
    expiresInMs: v.number(),
  },
  returns: v.object({ inviteId: v.id("invites"), token: v.string() }),
  handler: async (ctx, args) => {
    const clinic = await ctx.db.get(args.clinicId);
    if (clinic === null) {
      throw intakeError({
        kind: "notFound",
        message: `Clinic ${args.clinicId} was not found.`,
      });
    }
    return await insertInvite(ctx, {
      clinicId: args.clinicId,
      role: args.role,
      createdBy: clinic.createdBy,
      expiresAt: Date.now() + args.expiresInMs,
    });
  },
});

/**
 * Lists the clinic's invites that are neither used nor revoked, newest
 * first, expired ones included with their state. Only owners may list.
 */
export const list = query({
  args: { clinicId: v.id("clinics") },
  returns: v.array(
    v.object({
      inviteId: v.id("invites"),
      role: roleValidator,
      email: v.union(v.string(), v.null()),
      createdAt: v.number(),
      expiresAt: v.number(),
      state: inviteStateValidator,
    }),
  ),
  handler: async (ctx, args) => {
    await requireOwner(ctx, args.clinicId);
    const now = Date.now();
    const invites = await ctx.db
      .query("invites")
      .withIndex("by_clinicId_and_createdAt", (q) =>
        q.eq("clinicId", args.clinicId),
      )
      .order("desc")
      .filter((q) =>
        q.and(
          q.eq(q.field("usedAt"), undefined),
          q.eq(q.field("revokedAt"), undefined),
        ),
      )
      .take(maxListedInvites);
    return invites.map((invite) => ({
      inviteId: invite._id,
      role: invite.role,
      email: invite.email ?? null,
      createdAt: invite.createdAt,
      expiresAt: invite.expiresAt,
      state: inviteState(invite, now),
    }));
  },
});

/**
 * Revokes an invite so its link stops working. Only owners of the
 * invite's clinic may revoke. Revoking twice is allowed.
 * Throws `notFound` for an unknown invite and `inviteUnavailable` (reason
 * "used") for one that someone has already accepted.
 */
export const revoke = mutation({
  args: { inviteId: v.id("invites") },
  returns: v.null(),
  handler: async (ctx, args) => {
    await requireUser(ctx);
    const invite = await ctx.db.get(args.inviteId);
    if (invite === null) {
      throw intakeError({
        kind: "notFound",
        message: `Invite ${args.inviteId} was not found.`,
      });
    }
    await requireOwner(ctx, invite.clinicId);
    if (invite.usedAt !== undefined) {
      throw intakeError({
        kind: "inviteUnavailable",
        reason: "used",
        message: "This invite was already accepted. Remove the member instead.",
      });
    }
    if (invite.revokedAt === undefined) {
      await ctx.db.patch(invite._id, { revokedAt: Date.now() });
    }
    return null;
  },
});

/**
 * Returns what an invite link offers, to anyone holding the link: the
 * clinic's name, the role and whether the link still works. Returns null
 * for an unknown token.
 */
export const peek = query({
  args: { token: v.string() },
  returns: v.union(
    v.null(),
    v.object({
      clinicName: v.string(),
      role: roleValidator,
      state: inviteStateValidator,
    }),
  ),
  handler: async (ctx, args) => {
    const invite = await findByToken(ctx, args.token);
    if (invite === null) return null;
    const clinic = await ctx.db.get(invite.clinicId);
    if (clinic === null) return null;
    return {
      clinicName: clinic.name,
      role: invite.role,
      state: inviteState(invite, Date.now()),
    };
  },
});

const unavailableMessages: Record<Exclude<InviteState, "valid">, string> = {
  expired:
    "This invite link has expired. Ask an owner of the clinic for a new one.",
  used: "This invite link was already used. Ask an owner of the clinic for a new one.",
  revoked:
    "This invite link was withdrawn. Ask an owner of the clinic for a new one.",
};

/**
 * Makes the signed-in caller a member of the invite's clinic with the
 * invite's role, and uses the invite up. A caller who is already a member
 * keeps their role, and the invite stays unused.
 * Throws `unauthenticated` for anonymous callers, `notFound` for an
 * unknown token and `inviteUnavailable` for an expired, used or revoked
 * invite, changing nothing.
 */
export const accept = mutation({
  args: { token: v.string() },
  returns: v.object({
    clinicId: v.id("clinics"),
    status: v.union(v.literal("joined"), v.literal("alreadyMember")),
  }),
  handler: async (ctx, args) => {
    const userId = await requireUser(ctx);
    const invite = await findByToken(ctx, args.token);
    const clinic = invite === null ? null : await ctx.db.get(invite.clinicId);
    if (invite === null || clinic === null) {
      throw intakeError({
        kind: "notFound",
        message:
          "This invite link is not valid. Check that you copied all of it.",
      });
    }

    const state = inviteState(invite, Date.now());
    if (state !== "valid") {
      throw intakeError({
        kind: "inviteUnavailable",
        reason: state,
        message: unavailableMessages[state],
      });
    }

    const existing = await ctx.db
      .query("members")
      .withIndex("by_clinicId_and_userId", (q) =>
        q.eq("clinicId", invite.clinicId).eq("userId", userId),
      )
      .unique();
    if (existing !== null) {
      return { clinicId: invite.clinicId, status: "alreadyMember" as const };
    }

    await ctx.db.insert("members", {
      clinicId: invite.clinicId,
      userId,
      role: invite.role,
    });
    await ctx.db.patch(invite._id, { usedAt: Date.now(), usedBy: userId });
    return { clinicId: invite.clinicId, status: "joined" as const };
  },
});
