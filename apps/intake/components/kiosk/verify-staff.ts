import { ConvexHttpClient } from "convex/browser";

import { api } from "../api";
import { env } from "../../app/env";

/**
 * Result of {@link verifyStaffCredentials}: `notStaff` is an account that
 * signed in but is no member of the clinic that owns the kiosk's form, and
 * `locked` an account that Convex Auth locked after too many wrong
 * passwords.
 */
export type StaffCheck =
  "valid" | "invalid" | "notStaff" | "locked" | "unreachable";

/**
 * Classifies a failed sign-in. fetch rejects with a TypeError when the
 * server cannot be reached. Convex Auth 0.0.95 reports a locked account
 * with a plain Error whose message contains "TooManyFailedAttempts". Any
 * other error counts as rejected credentials, because the server's text
 * may carry request ids and is never shown.
 */
export function classifySignInError(error: unknown): StaffCheck {
  if (error instanceof TypeError) return "unreachable";
  const text = error instanceof Error ? error.message : String(error);
  return text.includes("TooManyFailedAttempts") ? "locked" : "invalid";
}

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
    return classifySignInError(error);
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
