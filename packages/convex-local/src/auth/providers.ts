/** An OpenID Connect provider: keys come from the issuer's discovery document. */
export type OidcProvider = {
  type?: undefined;
  /** The issuer URL, which the token's `iss` must match. */
  domain: string;
  /** The expected `aud` claim. */
  applicationID: string;
};

/** A provider of plain JWTs with a known JWKS URL (or `data:` URL). */
export type CustomJwtProvider = {
  type: "customJwt";
  issuer: string;
  jwks: string;
  algorithm: "RS256" | "ES256";
  /** The expected `aud` claim. Without it, any audience is accepted. */
  applicationID?: string;
};

/** One entry of `providers` in `convex/auth.config.ts`. */
export type AuthProvider = OidcProvider | CustomJwtProvider;

/**
 * Adds `https://` to an issuer without a scheme and drops trailing slashes,
 * because Convex compares issuers in that form: some providers omit the
 * scheme in `iss`, and the configured domain may or may not end in `/`.
 */
export function normalizeIssuer(issuer: string): string {
  const withScheme =
    issuer.startsWith("https://") || issuer.startsWith("http://")
      ? issuer
      : `https://${issuer}`;
  return withScheme.replace(/\/+$/, "");
}

/** Returns the configured issuer of a provider. */
export function providerIssuer(provider: AuthProvider): string {
  return provider.type === "customJwt" ? provider.issuer : provider.domain;
}

/**
 * Finds the first provider whose issuer matches `issuer` and whose
 * application ID, when it has one, is among `audiences`.
 */
export function findProvider(
  providers: readonly AuthProvider[],
  issuer: string,
  audiences: readonly string[],
): AuthProvider | undefined {
  const tokenIssuer = normalizeIssuer(issuer);
  return providers.find((provider) => {
    const applicationID = provider.applicationID;
    if (applicationID !== undefined && !audiences.includes(applicationID)) {
      return false;
    }
    return normalizeIssuer(providerIssuer(provider)) === tokenIssuer;
  });
}

/** Describes the configured providers for a "no provider matched" message. */
export function describeProviders(providers: readonly AuthProvider[]): string {
  if (providers.length === 0) {
    return "no providers are configured in convex/auth.config.ts";
  }
  const entries = providers.map((provider) =>
    provider.type === "customJwt"
      ? `customJwt(issuer=${provider.issuer}, applicationID=${provider.applicationID ?? "none"})`
      : `oidc(domain=${provider.domain}, applicationID=${provider.applicationID})`,
  );
  return `configured providers: ${entries.join(", ")}`;
}
