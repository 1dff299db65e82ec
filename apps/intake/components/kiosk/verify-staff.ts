import { api } from "@intake/backend/api";
import { ConvexHttpClient } from "convex/browser";

import { env } from "../../app/env";

/** Result of {@link verifyStaffCredentials}. */
export type StaffCheck = "valid" | "invalid" | "unreachable";

/**
 * Checks a staff email and password with Convex Auth's `auth:signIn`
 * action. It uses a client of its own, so the kiosk page's client never
 * becomes signed in. On success it signs the new session out again and
 * drops the tokens, so nothing outlives the check.
 */
export async function verifyStaffCredentials(
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
  await client.action(api.auth.signOut, {}).catch(() => {
    // The session then expires on its own, and its tokens are dropped here.
  });
  client.clearAuth();
  return "valid";
}
