import {
  createLocalJWKSet,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
} from "jose";

import { AuthTokenError } from "./errors";

/** Media types Convex accepts for a JWKS response. */
const JWKS_MEDIA_TYPES = ["application/json", "application/jwk-set+json"];

type CacheEntry<T> = { value: Promise<T>; fetchedAt: number };

/** Options of `createKeyStore`. */
export type KeyStoreOptions = {
  fetch: typeof fetch;
  /** How long discovery documents and key sets stay cached, in milliseconds. */
  cacheTtlMs: number;
  now: () => number;
};

/** A key set ready for `jwtVerify`, and when it was fetched. */
export type KeySet = { getKey: JWTVerifyGetKey; fetchedAt: number };

/**
 * Fetches and caches OpenID discovery documents and JWKS. Failed fetches are
 * not cached, so the next token retries them.
 */
export function createKeyStore(options: KeyStoreOptions) {
  const discoveryCache = new Map<string, CacheEntry<DiscoveryDocument>>();
  const keySetCache = new Map<string, CacheEntry<KeySet>>();

  function cached<T>(
    cache: Map<string, CacheEntry<T>>,
    key: string,
    load: () => Promise<T>,
    maxAgeMs: number,
  ): Promise<T> {
    const entry = cache.get(key);
    if (entry && options.now() - entry.fetchedAt < maxAgeMs) {
      return entry.value;
    }
    const value = load();
    cache.set(key, { value, fetchedAt: options.now() });
    value.catch(() => {
      if (cache.get(key)?.value === value) {
        cache.delete(key);
      }
    });
    return value;
  }

  return {
    /** Returns the discovery document of an OpenID Connect issuer. */
    discover(issuer: string): Promise<DiscoveryDocument> {
      return cached(
        discoveryCache,
        issuer,
        () => fetchDiscovery(options.fetch, issuer),
        options.cacheTtlMs,
      );
    },

    /**
     * Returns the key set at `jwksUri`. A `maxAgeMs` below the cache TTL
     * forces a refetch of an older copy, which picks up rotated keys.
     */
    keySet(jwksUri: string, maxAgeMs = options.cacheTtlMs): Promise<KeySet> {
      return cached(
        keySetCache,
        jwksUri,
        async () => ({
          getKey: createLocalJWKSet(await fetchJwks(options.fetch, jwksUri)),
          fetchedAt: options.now(),
        }),
        maxAgeMs,
      );
    },
  };
}

/** The part of an OpenID Connect discovery document that verification uses. */
export type DiscoveryDocument = { issuer: string; jwks_uri: string };

async function fetchDiscovery(
  fetchFn: typeof fetch,
  issuer: string,
): Promise<DiscoveryDocument> {
  const url = `${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`;
  let response: Response;
  try {
    response = await fetchFn(url, { headers: { accept: "application/json" } });
  } catch (error) {
    throw new AuthTokenError(
      "AuthProviderDiscoveryFailed",
      `Failed to fetch the OpenID configuration of ${issuer} from ${url}: ${errorMessage(error)}`,
      { cause: error },
    );
  }
  if (!response.ok) {
    // The body often explains the failure, but it can be a whole HTML page.
    const body = (await response.text().catch(() => "")).slice(0, 200);
    throw new AuthTokenError(
      "AuthProviderDiscoveryFailed",
      `Failed to fetch the OpenID configuration of ${issuer} from ${url}: HTTP ${response.status} ${body}`.trim(),
    );
  }
  let document: unknown;
  try {
    document = await response.json();
  } catch (error) {
    throw new AuthTokenError(
      "AuthProviderDiscoveryFailed",
      `Invalid OpenID configuration at ${url}: the body is not JSON`,
      { cause: error },
    );
  }
  if (
    typeof document !== "object" ||
    document === null ||
    typeof (document as DiscoveryDocument).issuer !== "string" ||
    typeof (document as DiscoveryDocument).jwks_uri !== "string"
  ) {
    throw new AuthTokenError(
      "AuthProviderDiscoveryFailed",
      `Invalid OpenID configuration at ${url}: "issuer" and "jwks_uri" must be strings`,
    );
  }
  return document as DiscoveryDocument;
}

async function fetchJwks(
  fetchFn: typeof fetch,
  jwksUri: string,
): Promise<JSONWebKeySet> {
  let response: Response;
  try {
    response = await fetchFn(jwksUri, {
      headers: { accept: "application/json" },
    });
  } catch (error) {
    throw new AuthTokenError(
      "InvalidAuthHeader",
      `Failed to fetch the JWKS from ${jwksUri}: ${errorMessage(error)}`,
      { cause: error },
    );
  }
  if (response.status !== 200) {
    throw new AuthTokenError(
      "InvalidAuthHeader",
      `Failed to fetch the JWKS from ${jwksUri}: HTTP ${response.status}`,
    );
  }
  // data: URLs carry no meaningful content type, so only HTTP is checked.
  const contentType = response.headers.get("content-type") ?? "";
  if (!jwksUri.startsWith("data:") && !isJwksMediaType(contentType)) {
    throw new AuthTokenError(
      "InvalidAuthHeader",
      `Invalid Content-Type "${contentType || "none"}" of the JWKS at ${jwksUri}: expected application/json or application/jwk-set+json`,
    );
  }
  let keySet: unknown;
  try {
    keySet = await response.json();
  } catch (error) {
    throw new AuthTokenError(
      "InvalidAuthHeader",
      `Invalid JWKS at ${jwksUri}: the body is not JSON`,
      { cause: error },
    );
  }
  if (
    typeof keySet !== "object" ||
    keySet === null ||
    !Array.isArray((keySet as JSONWebKeySet).keys)
  ) {
    throw new AuthTokenError(
      "InvalidAuthHeader",
      `Invalid JWKS at ${jwksUri}: expected an object with a "keys" array`,
    );
  }
  return keySet as JSONWebKeySet;
}

function isJwksMediaType(contentType: string): boolean {
  const [essence = "", ...parameters] = contentType
    .split(";")
    .map((part) => part.trim().toLowerCase());
  if (!JWKS_MEDIA_TYPES.includes(essence)) {
    return false;
  }
  const charset = parameters.find((parameter) =>
    parameter.startsWith("charset="),
  );
  return charset === undefined || charset === "charset=utf-8";
}

/** Returns the message of a caught value, for error texts. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
