import {
  decodeJwt,
  errors as joseErrors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyOptions,
} from "jose";

import type { UserIdentity } from "../engine/types";
import { AuthTokenError } from "./errors";
import { identityFromCustomJwt, identityFromIdToken } from "./identity";
import { createKeyStore, errorMessage, type KeySet } from "./remote-keys";
import {
  describeProviders,
  findProvider,
  normalizeIssuer,
  type AuthProvider,
  type CustomJwtProvider,
  type OidcProvider,
} from "./providers";

/** Signature algorithms accepted for OpenID Connect ID tokens, as in Convex. */
const OIDC_ALGORITHMS = ["RS256", "EdDSA"];

/** Clock tolerance for custom JWTs, in seconds. ID tokens get none. */
const CUSTOM_JWT_CLOCK_TOLERANCE_S = 5;

/** Minimum age of a cached key set before an unknown `kid` refetches it. */
const KEY_ROTATION_REFETCH_MS = 30_000;

/** Options of `createTokenVerifier`. */
export type TokenVerifierOptions = {
  /** Fetch for discovery and JWKS requests, by default the global fetch. */
  fetch?: typeof fetch;
  /** Cache lifetime of discovery documents and key sets, in milliseconds (default 10 minutes). */
  cacheTtlMs?: number;
  /** Clock in milliseconds since the epoch, for tests. */
  now?: () => number;
};

/** Verifies a bearer token and returns the identity it carries. */
export type TokenVerifier = (token: string) => Promise<UserIdentity>;

/**
 * Creates a verifier for JWTs issued by the providers of
 * `convex/auth.config.ts`. It picks the provider by `iss` and `aud`, checks
 * the signature against the provider's JWKS (found through OpenID discovery
 * for OIDC providers), then `iss`, `aud` and `exp`. Rejections are
 * `AuthTokenError`s whose message names the check that failed.
 */
export function createTokenVerifier(
  providers: readonly AuthProvider[],
  options: TokenVerifierOptions = {},
): TokenVerifier {
  const now = options.now ?? Date.now;
  const keys = createKeyStore({
    fetch: options.fetch ?? globalThis.fetch,
    cacheTtlMs: options.cacheTtlMs ?? 10 * 60_000,
    now,
  });

  async function verifyWithKeySet(
    token: string,
    jwksUri: string,
    verifyOptions: JWTVerifyOptions,
  ): Promise<JWTPayload> {
    const verifyAt = { ...verifyOptions, currentDate: new Date(now()) };
    const keySet = await keys.keySet(jwksUri);
    try {
      return (await jwtVerify(token, keySet.getKey, verifyAt)).payload;
    } catch (error) {
      if (!isUnknownKey(error, keySet, now())) {
        throw error;
      }
    }
    // The issuer may have rotated its keys since the set was cached.
    const fresh = await keys.keySet(jwksUri, KEY_ROTATION_REFETCH_MS);
    return (await jwtVerify(token, fresh.getKey, verifyAt)).payload;
  }

  async function verifyOidc(
    token: string,
    issuer: string,
    provider: OidcProvider,
  ): Promise<UserIdentity> {
    const discovery = await keys.discover(issuer);
    if (discovery.issuer !== issuer) {
      throw new AuthTokenError(
        "AuthProviderDiscoveryFailed",
        `Invalid OpenID configuration of ${issuer}: its issuer is ${discovery.issuer}`,
      );
    }
    const payload = await verifyWithKeySet(token, discovery.jwks_uri, {
      algorithms: OIDC_ALGORITHMS,
      issuer: discovery.issuer,
      audience: provider.applicationID,
      requiredClaims: ["sub", "exp", "iat"],
    }).catch((error: unknown) => {
      throw toAuthError(error, "Unauthenticated");
    });
    // NOTE: Convex rejects ID tokens with several audiences (its OIDC library
    // needs a trusted `azp` for them), so this does too.
    if (Array.isArray(payload.aud) && payload.aud.length > 1) {
      throw new AuthTokenError(
        "Unauthenticated",
        `Invalid ID token: it has several audiences (${payload.aud.join(", ")}), expected only ${provider.applicationID}`,
      );
    }
    return identityFromIdToken(payload);
  }

  async function verifyCustomJwt(
    token: string,
    provider: CustomJwtProvider,
  ): Promise<UserIdentity> {
    const payload = await verifyWithKeySet(token, provider.jwks, {
      algorithms: [provider.algorithm],
      clockTolerance: CUSTOM_JWT_CLOCK_TOLERANCE_S,
    }).catch((error: unknown) => {
      throw toAuthError(error, "InvalidAuthHeader");
    });
    const tokenIssuer = payload.iss;
    if (tokenIssuer === undefined) {
      throw new AuthTokenError(
        "InvalidAuthHeader",
        "Invalid token: the iss claim is missing",
      );
    }
    if (normalizeIssuer(tokenIssuer) !== normalizeIssuer(provider.issuer)) {
      throw new AuthTokenError(
        "InvalidAuthHeader",
        `Invalid issuer: ${tokenIssuer} does not match ${provider.issuer}`,
      );
    }
    if (provider.applicationID !== undefined) {
      checkAudience(payload, provider.applicationID);
    }
    if (payload.sub === undefined) {
      throw new AuthTokenError(
        "InvalidAuthHeader",
        "Invalid token: the sub claim is missing",
      );
    }
    if (payload.exp === undefined) {
      throw new AuthTokenError(
        "InvalidAuthHeader",
        "Invalid token: the exp claim is missing",
      );
    }
    return identityFromCustomJwt(payload);
  }

  return async function verifyToken(token: string): Promise<UserIdentity> {
    const claims = decodeUnverified(token);
    if (typeof claims.iss !== "string") {
      throw new AuthTokenError(
        "InvalidAuthHeader",
        "Invalid token: the iss claim is missing, so no auth provider can be chosen",
      );
    }
    const audiences = audienceList(claims.aud);
    const provider = findProvider(providers, claims.iss, audiences);
    if (provider === undefined) {
      throw new AuthTokenError(
        "NoAuthProvider",
        `No auth provider matches the token (iss ${claims.iss}, aud ${audiences.join(", ") || "none"}): ${describeProviders(providers)}`,
      );
    }
    if (provider.type === "customJwt") {
      return verifyCustomJwt(token, provider);
    }
    return verifyOidc(token, claims.iss, provider);
  };
}

function decodeUnverified(token: string): JWTPayload {
  try {
    return decodeJwt(token);
  } catch (error) {
    throw new AuthTokenError(
      "InvalidAuthHeader",
      `Invalid token: expected a JWT of three base64url parts separated by dots (${errorMessage(error)})`,
      { cause: error },
    );
  }
}

function audienceList(aud: JWTPayload["aud"]): string[] {
  if (aud === undefined) {
    return [];
  }
  return Array.isArray(aud) ? aud : [aud];
}

function checkAudience(payload: JWTPayload, applicationID: string): void {
  if (payload.aud === undefined) {
    throw new AuthTokenError(
      "InvalidAuthHeader",
      `Invalid token: the aud claim is missing, expected ${applicationID}`,
    );
  }
  const audiences = audienceList(payload.aud);
  if (!audiences.includes(applicationID)) {
    throw new AuthTokenError(
      "InvalidAuthHeader",
      `Invalid audience: ${applicationID} is not in [${audiences.join(", ")}]`,
    );
  }
}

function isUnknownKey(error: unknown, keySet: KeySet, nowMs: number): boolean {
  return (
    error instanceof joseErrors.JWKSNoMatchingKey &&
    nowMs - keySet.fetchedAt >= KEY_ROTATION_REFETCH_MS
  );
}

/** Turns a jose verification error into an `AuthTokenError` with the reason. */
function toAuthError(
  error: unknown,
  code: "Unauthenticated" | "InvalidAuthHeader",
): AuthTokenError {
  if (error instanceof AuthTokenError) {
    return error;
  }
  if (error instanceof joseErrors.JWTExpired) {
    const expiredAt = new Date(Number(error.payload.exp) * 1000).toISOString();
    return new AuthTokenError(
      code,
      `Invalid token: it expired at ${expiredAt}`,
      {
        cause: error,
      },
    );
  }
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    return new AuthTokenError(
      code,
      `Invalid token: the ${error.claim} claim failed validation (${error.message})`,
      { cause: error },
    );
  }
  if (error instanceof joseErrors.JWKSNoMatchingKey) {
    return new AuthTokenError(
      code,
      "Invalid token: no key in the provider's JWKS matches its kid header and algorithm",
      { cause: error },
    );
  }
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
    return new AuthTokenError(
      code,
      "Invalid token: the signature does not verify",
      {
        cause: error,
      },
    );
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed) {
    return new AuthTokenError(code, `Invalid token: ${error.message}`, {
      cause: error,
    });
  }
  return new AuthTokenError(code, `Invalid token: ${errorMessage(error)}`, {
    cause: error,
  });
}
