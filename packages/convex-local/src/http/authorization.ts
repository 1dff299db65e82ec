import type { Caller, Engine, UserIdentity } from "../engine/types.js";
import { HttpError } from "./errors.js";

/**
 * An authentication failure, reported as HTTP 401 or as a sync `AuthError`.
 */
export class AuthenticationError extends Error {
  constructor(
    /** Short error code, for example `BadAdminKey`. */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "AuthenticationError";
  }
}

/**
 * Builds the identity an admin impersonates from the client's
 * `UserIdentityAttributes`. `tokenIdentifier` defaults to
 * `<issuer>|<subject>`, the form Convex derives from a JWT.
 */
export function impersonatedIdentity(
  attributes: Record<string, unknown>,
): UserIdentity {
  const subject = String(attributes.subject ?? "");
  const issuer = String(attributes.issuer ?? "");
  const tokenIdentifier =
    typeof attributes.tokenIdentifier === "string"
      ? attributes.tokenIdentifier
      : `${issuer}|${subject}`;
  return { ...attributes, subject, issuer, tokenIdentifier };
}

/** Checks an admin key and returns the admin caller, or throws. */
export function adminCaller(
  engine: Engine,
  adminKey: string,
  impersonating?: Record<string, unknown>,
): Caller {
  if (!engine.isAdminKey(adminKey)) {
    throw new AuthenticationError(
      "BadAdminKey",
      "The provided admin key was invalid for this instance",
    );
  }
  return impersonating
    ? { kind: "admin", identity: impersonatedIdentity(impersonating) }
    : { kind: "admin" };
}

/** Verifies a user JWT through the engine and returns the user caller. */
export async function userCaller(
  engine: Engine,
  token: string,
): Promise<Caller> {
  try {
    const identity = await engine.authenticate(token);
    return { kind: "user", identity, token };
  } catch (error) {
    throw new AuthenticationError(
      "Unauthenticated",
      `Could not verify the auth token: ${(error as Error).message}`,
    );
  }
}

function decodeImpersonation(encoded: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(encoded, "base64").toString("utf8"));
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new AuthenticationError(
      "InvalidAuthHeader",
      "The identity after the admin key must be base64 of a JSON object",
    );
  }
  return parsed as Record<string, unknown>;
}

/** Reports whether an `Authorization` header is present and not blank. */
export function hasCredentials(header: string | undefined): header is string {
  return header !== undefined && header.trim() !== "";
}

/**
 * Resolves an HTTP `Authorization` header: none is anonymous,
 * `Bearer <jwt>` is a user, and `Convex <adminKey>[:<base64 identity>]` is
 * the admin, optionally acting as that identity.
 */
export async function callerFromAuthorization(
  engine: Engine,
  header: string | undefined,
): Promise<Caller> {
  if (!hasCredentials(header)) return { kind: "anonymous" };
  const [scheme, ...rest] = header.trim().split(/\s+/);
  const credentials = rest.join(" ");
  if (scheme === "Bearer" && credentials !== "") {
    return userCaller(engine, credentials);
  }
  if (scheme === "Convex" && credentials !== "") {
    const separator = credentials.indexOf(":");
    if (separator === -1) {
      return adminCaller(engine, credentials);
    }
    // ConvexHttpClient.setAdminAuth joins the key and the identity with ":",
    // so admin keys must not contain a colon.
    return adminCaller(
      engine,
      credentials.slice(0, separator),
      decodeImpersonation(credentials.slice(separator + 1)),
    );
  }
  throw new AuthenticationError(
    "InvalidAuthHeader",
    'The Authorization header must be "Bearer <token>" or "Convex <admin key>"',
  );
}

/**
 * Returns a string that is equal for two callers exactly when queries run
 * with the same identity for both, so their results can be shared.
 */
export function callerKey(caller: Caller): string {
  switch (caller.kind) {
    case "anonymous":
      return "anonymous";
    case "user":
      return `user:${caller.token}`;
    case "admin":
      return `admin:${JSON.stringify(caller.identity ?? null)}`;
  }
}

/** Rejects a request whose `Authorization` header is not the admin key. */
export async function requireAdmin(
  engine: Engine,
  header: string | undefined,
): Promise<void> {
  const caller = await callerFromAuthorization(engine, header);
  if (caller.kind !== "admin") {
    throw new HttpError(
      401,
      "Unauthenticated",
      'This endpoint needs the admin key: send "Authorization: Convex <admin key>"',
    );
  }
}
