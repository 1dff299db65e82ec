import type { JWTPayload } from "jose";

import type { UserIdentity } from "../engine/types";

/** OpenID standard claims that Convex renames, with their identity field. */
const STANDARD_CLAIMS: Record<string, string> = {
  name: "name",
  given_name: "givenName",
  family_name: "familyName",
  nickname: "nickname",
  preferred_username: "preferredUsername",
  profile: "profileUrl",
  picture: "pictureUrl",
  website: "websiteUrl",
  email: "email",
  email_verified: "emailVerified",
  gender: "gender",
  birthdate: "birthday",
  zoneinfo: "timezone",
  locale: "language",
  phone_number: "phoneNumber",
  phone_number_verified: "phoneNumberVerified",
  address: "address",
  updated_at: "updatedAt",
};

/**
 * ID token claims that never reach the identity: registered and protocol
 * claims, and claims that change on every refresh (`jti`, `nbf`, `fva`),
 * which would make each refreshed token look like a new identity.
 */
const DROPPED_OIDC_CLAIMS = new Set([
  "iss",
  "sub",
  "aud",
  "exp",
  "iat",
  "nbf",
  "jti",
  "fva",
  "auth_time",
  "nonce",
  "acr",
  "amr",
  "azp",
  "at_hash",
  "c_hash",
]);

const REGISTERED_JWT_CLAIMS = new Set([
  "iss",
  "sub",
  "aud",
  "exp",
  "nbf",
  "iat",
  "jti",
]);

/**
 * Builds the identity of a verified OpenID Connect ID token: standard claims
 * under their camelCase names (`updatedAt` as an RFC 3339 string, `address`
 * as its formatted text) and every other claim unchanged.
 */
export function identityFromIdToken(payload: JWTPayload): UserIdentity {
  const identity = baseIdentity(payload);
  for (const [claim, value] of Object.entries(payload)) {
    if (DROPPED_OIDC_CLAIMS.has(claim)) {
      continue;
    }
    const field = STANDARD_CLAIMS[claim];
    if (field === undefined) {
      identity[claim] = value;
      continue;
    }
    const standardValue = standardClaimValue(claim, value);
    if (standardValue !== undefined) {
      identity[field] = standardValue;
    }
  }
  return identity;
}

/**
 * Builds the identity of a verified custom JWT: every private claim, with
 * nested objects flattened to dotted keys (`{ org: { id } }` gives `org.id`)
 * and `fva` dropped.
 */
export function identityFromCustomJwt(payload: JWTPayload): UserIdentity {
  const identity = baseIdentity(payload);
  const privateClaims: Record<string, unknown> = {};
  for (const [claim, value] of Object.entries(payload)) {
    if (!REGISTERED_JWT_CLAIMS.has(claim)) {
      privateClaims[claim] = value;
    }
  }
  for (const [key, value] of flattenClaims(privateClaims)) {
    if (key !== "fva") {
      identity[key] = value;
    }
  }
  return identity;
}

function baseIdentity(payload: JWTPayload): UserIdentity {
  const issuer = payload.iss!;
  const subject = payload.sub!;
  return { tokenIdentifier: `${issuer}|${subject}`, subject, issuer };
}

function standardClaimValue(claim: string, value: unknown): unknown {
  switch (claim) {
    case "email_verified":
    case "phone_number_verified":
      return typeof value === "boolean" ? value : undefined;
    case "updated_at":
      return typeof value === "number" ? formatRfc3339(value) : undefined;
    case "address": {
      const formatted = (value as { formatted?: unknown } | null)?.formatted;
      return typeof formatted === "string" ? formatted : undefined;
    }
    default:
      return typeof value === "string" ? value : undefined;
  }
}

/**
 * Formats seconds since the epoch as RFC 3339 in UTC with a `+00:00` offset,
 * the form Convex returns for `updatedAt`.
 */
function formatRfc3339(seconds: number): string {
  const iso = new Date(seconds * 1000).toISOString();
  return iso.replace(/\.000Z$/, "+00:00").replace(/Z$/, "+00:00");
}

function flattenClaims(
  claims: Record<string, unknown>,
  prefix = "",
): [string, unknown][] {
  const entries: [string, unknown][] = [];
  for (const [key, value] of Object.entries(claims)) {
    const path = `${prefix}${key}`;
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      entries.push(
        ...flattenClaims(value as Record<string, unknown>, `${path}.`),
      );
    } else {
      entries.push([path, value]);
    }
  }
  return entries;
}
