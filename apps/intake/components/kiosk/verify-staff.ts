import { api } from "@intake/backend/api";
import { ConvexHttpClient } from "convex/browser";

import { env } from "../../app/env";

/**
 * Result of {@link verifyStaffCredentials}: `notStaff` is an account that
 * signed in but is no member of the clinic that owns the kiosk's form.
 */
export type StaffCheck = "valid" | "invalid" | "notStaff" | "unreachable";

/**
 * Checks a staff email and password with Convex Auth's `auth:signIn`
 * action, then queries `members:canExitKiosk` whether that account is staff
 * or owner of the clinic that owns the form with `slug`. Anyone can sign
 * up for an account, so signing in alone is not enough. It uses a client
 * of its own, so the kiosk page's client never becomes signed in. It
 * signs the new session out again and drops the tokens, so nothing
 * outlives the check.
 */
export async function verifyStaffCredentials(
  slug: string,
  email: string,
  password: string,
): Promise<StaffCheck> {
  const client = new ConvexHttpClient(env.convexUrl);

  let token: string;
  try {
    const result = await client.action(api.auth.signIn, {
      provider: "password",
      params: { email, password, flow: "signIn" },
    });
    if (!result.tokens) return "invalid";
    token = result.tokens.token;
  } catch (error) {
    // fetch rejects with a TypeError when the server cannot be reached.
    // Any other error counts as rejected credentials, because the server's
    // text may carry request ids and is never shown.
    return error instanceof TypeError ? "unreachable" : "invalid";
  }

  client.setAuth(token);
  let check: StaffCheck;
  try {
    const allowed = await client.query(api.members.canExitKiosk, { slug });
    check = allowed ? "valid" : "notStaff";
  } catch (error) {
    check = error instanceof TypeError ? "unreachable" : "invalid";
  }
  await client.action(api.auth.signOut, {}).catch(() => {
    // The session then expires on its own, and its tokens are dropped here.
  });
  client.clearAuth();
  return check;
}
