import { MINUTE, RateLimiter } from "@convex-dev/rate-limiter";
import { components } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import type { MutationCtx } from "./_generated/server";
import { intakeError } from "./lib/errors";

/**
 * Limits on the anonymous mutations, as token buckets. Each key's bucket
 * contains at most `capacity` tokens and regains `rate` tokens per
 * `period` (in milliseconds), spread evenly. A visitor id is chosen by the browser, so a client can evade
 * the per-visitor limits with new ids, and the per-form limits cap what
 * all visitors together can do to one form.
 *
 * - submitPerVisitor: 5 per 10 minutes. A patient sends one form, or a
 *   few for family members, so more than 5 in a row is a script or a
 *   stuck retry loop. One token comes back every 2 minutes.
 * - submitPerForm: 120 per minute over 4 shards, far above what one
 *   waiting room sends, to keep a flood from filling a clinic's review
 *   list.
 * - viewPerVisitor: 60 per minute, one a second, which covers reloads
 *   and tab switches on a phone.
 * - viewPerForm: 600 per minute over 32 shards. Patients who scan a
 *   poster together open the form in the same second, and with fewer
 *   shards 30 concurrent views ran out of OCC retries on the shard rows.
 * - visitPerVisitor and visitPerForm: the same as the view limits, for
 *   `visits:start` and `visits:progress`, which a page change calls once.
 * - uploadPerVisitor: 30 upload URLs per 10 minutes for one visitor on one
 *   form, enough for a photo per item of a 20-item group and a few
 *   retries.
 * - uploadPerForm: 300 per minute over 4 shards, because each URL lets a
 *   client store a file of any size the storage accepts. `uploads:register`
 *   deletes a file over the field's limit (10 MiB at most), and an hourly
 *   cron deletes files never registered within about 25 hours.
 *
 * Sharded limits split capacity and rate evenly over their shards, so
 * concurrent requests mostly write different rows. A request reads two
 * random shards and may be rejected while other shards still have
 * tokens, so the per-form totals are approximate.
 *
 * NOTE: the values are estimates of clinic use, not measured traffic.
 */
export const rateLimits = {
  submitPerVisitor: {
    kind: "token bucket",
    rate: 5,
    period: 10 * MINUTE,
    capacity: 5,
  },
  submitPerForm: {
    kind: "token bucket",
    rate: 120,
    period: MINUTE,
    capacity: 120,
    shards: 4,
  },
  viewPerVisitor: {
    kind: "token bucket",
    rate: 60,
    period: MINUTE,
    capacity: 60,
  },
  viewPerForm: {
    kind: "token bucket",
    rate: 600,
    period: MINUTE,
    capacity: 600,
    shards: 32,
  },
  visitPerVisitor: {
    kind: "token bucket",
    rate: 60,
    period: MINUTE,
    capacity: 60,
  },
  visitPerForm: {
    kind: "token bucket",
    rate: 600,
    period: MINUTE,
    capacity: 600,
    shards: 32,
  },
  uploadPerVisitor: {
    kind: "token bucket",
    rate: 30,
    period: 10 * MINUTE,
    capacity: 30,
  },
  uploadPerForm: {
    kind: "token bucket",
    rate: 300,
    period: MINUTE,
    capacity: 300,
    shards: 4,
  },
} as const;

/** The app's one rate limiter, over the component in `convex.config.ts`. */
export const rateLimiter = new RateLimiter(components.rateLimiter, rateLimits);

type LimitName = keyof typeof rateLimits;

/** Caller group a limit counts: one visitor, or all visitors of a form. */
export type LimitScope = "visitor" | "form";

/**
 * Takes one token from a limit, or throws `rateLimited` naming the limit's
 * scope, so a client can tell a busy form from a busy device. The caller's
 * mutation then rolls back, so a rejected request stores nothing and
 * takes no tokens from its other limits either.
 */
async function consume(
  ctx: MutationCtx,
  name: LimitName,
  scope: LimitScope,
  key: string,
  action: string,
): Promise<void> {
  const status = await rateLimiter.limit(ctx, name, { key });
  if (status.ok) return;
  const retryAfterMs = Math.ceil(status.retryAfter);
  const seconds = Math.ceil(retryAfterMs / 1000);
  throw intakeError({
    kind: "rateLimited",
    message: `Too many ${action} (limit ${name}). Try again in ${seconds} s.`,
    retryAfterMs,
    scope,
  });
}

/** Takes one submission from the visitor's and the form's limits. */
export async function limitSubmission(
  ctx: MutationCtx,
  formId: Id<"forms">,
  visitorId: string,
): Promise<void> {
  await consume(ctx, "submitPerVisitor", "visitor", visitorId, "submissions");
  await consume(ctx, "submitPerForm", "form", formId, "submissions");
}

/** Takes one page view from the visitor's and the form's limits. */
export async function limitView(
  ctx: MutationCtx,
  formId: Id<"forms">,
  visitorId: string,
): Promise<void> {
  await consume(ctx, "viewPerVisitor", "visitor", visitorId, "views");
  await consume(ctx, "viewPerForm", "form", formId, "views");
}

/** Takes one visit update from the visitor's and the form's limits. */
export async function limitVisit(
  ctx: MutationCtx,
  formId: Id<"forms">,
  visitorId: string,
): Promise<void> {
  await consume(ctx, "visitPerVisitor", "visitor", visitorId, "visit updates");
  await consume(ctx, "visitPerForm", "form", formId, "visit updates");
}

/**
 * Takes one upload URL from the limits of the visitor on this form and of
 * the form.
 */
export async function limitUpload(
  ctx: MutationCtx,
  formId: Id<"forms">,
  visitorId: string,
): Promise<void> {
  await consume(
    ctx,
    "uploadPerVisitor",
    "visitor",
    `${formId}:${visitorId}`,
    "uploads",
  );
  await consume(ctx, "uploadPerForm", "form", formId, "uploads");
}
