import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import {
  exportJWK,
  generateKeyPair,
  SignJWT,
  type JWK,
  type JWTPayload,
  type KeyLike,
} from "jose";
import {
  afterAll,
  beforeAll,
  beforeEach,
  describe,
  expect,
  test,
} from "vitest";

import { AuthTokenError } from "./errors";
import { createTokenVerifier } from "./verify-token";

type Key = { privateKey: KeyLike; jwk: JWK };

/** Responses of the issuer server, changed per test. */
type IssuerState = {
  keys: JWK[];
  jwksContentType: string;
  discoveryStatus: number;
  discoveryIssuer?: string;
};

let server: Server;
let origin: string;
let state: IssuerState;
let requests: string[];
let rsaKey: Key;
let otherRsaKey: Key;
let ecKey: Key;

async function newKey(alg: string, kid: string): Promise<Key> {
  const { privateKey, publicKey } = await generateKeyPair(alg, {
    crv: alg === "EdDSA" ? "Ed25519" : undefined,
  });
  const jwk = { ...(await exportJWK(publicKey)), kid, alg, use: "sig" };
  return { privateKey, jwk };
}

beforeAll(async () => {
  rsaKey = await newKey("RS256", "rsa-1");
  otherRsaKey = await newKey("RS256", "rsa-2");
  ecKey = await newKey("ES256", "ec-1");
  server = createServer((request, response) => {
    requests.push(request.url ?? "");
    if (request.url === "/.well-known/openid-configuration") {
      response.writeHead(state.discoveryStatus, {
        "content-type": "application/json",
      });
      response.end(
        JSON.stringify({
          issuer: state.discoveryIssuer ?? origin,
          jwks_uri: `${origin}/jwks`,
        }),
      );
      return;
    }
    if (request.url === "/jwks") {
      response.writeHead(200, { "content-type": state.jwksContentType });
      response.end(JSON.stringify({ keys: state.keys }));
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve()),
  );
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  state = {
    keys: [rsaKey.jwk, ecKey.jwk],
    jwksContentType: "application/json",
    discoveryStatus: 200,
  };
  requests = [];
});

async function sign(
  key: Key,
  claims: JWTPayload,
  options: { alg?: string; kid?: string; expiresIn?: string | number } = {},
): Promise<string> {
  const jwt = new SignJWT(claims)
    .setProtectedHeader({
      alg: options.alg ?? (key.jwk.alg as string),
      kid: options.kid ?? key.jwk.kid,
    })
    .setIssuedAt();
  if (options.expiresIn !== undefined) {
    jwt.setExpirationTime(options.expiresIn);
  } else if (claims.exp === undefined) {
    jwt.setExpirationTime("1h");
  }
  return jwt.sign(key.privateKey);
}

async function rejection(promise: Promise<unknown>): Promise<AuthTokenError> {
  const error = await promise.then(
    () => new Error("expected the token to be rejected"),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AuthTokenError);
  return error as AuthTokenError;
}

describe("OIDC provider", () => {
  const verifier = () =>
    createTokenVerifier([{ domain: origin, applicationID: "convex" }]);

  test("accepts valid ID token", async () => {
    const token = await sign(rsaKey, {
      iss: origin,
      sub: "user-1|session-1",
      aud: "convex",
    });
    const identity = await verifier()(token);
    expect(identity.tokenIdentifier).toBe(`${origin}|user-1|session-1`);
    expect(identity.subject).toBe("user-1|session-1");
    expect(identity.issuer).toBe(origin);
  });

  test("maps standard claims", async () => {
    const token = await sign(rsaKey, {
      iss: origin,
      sub: "user-2",
      aud: "convex",
      given_name: "Ada",
      email: "ada@example.com",
      email_verified: true,
      picture: "https://example.com/ada.png",
      updated_at: 1_700_000_000,
      address: { formatted: "1 Main St" },
      locale: "en-GB",
      role: "staff",
      jti: "token-1",
    });
    const identity = await verifier()(token);
    expect(identity.givenName).toBe("Ada");
    expect(identity.email).toBe("ada@example.com");
    expect(identity.emailVerified).toBe(true);
    expect(identity.pictureUrl).toBe("https://example.com/ada.png");
    expect(identity.updatedAt).toBe("2023-11-14T22:13:20+00:00");
    expect(identity.address).toBe("1 Main St");
    expect(identity.language).toBe("en-GB");
    expect(identity.role).toBe("staff");
    expect(identity).not.toHaveProperty("jti");
    expect(identity).not.toHaveProperty("aud");
    expect(identity).not.toHaveProperty("given_name");
  });

  test("accepts trailing slash in domain", async () => {
    const verify = createTokenVerifier([
      { domain: `${origin}/`, applicationID: "convex" },
    ]);
    const token = await sign(rsaKey, { iss: origin, sub: "u", aud: "convex" });
    await expect(verify(token)).resolves.toMatchObject({ subject: "u" });
  });

  test("caches discovery and JWKS", async () => {
    const verify = verifier();
    const token = await sign(rsaKey, { iss: origin, sub: "u", aud: "convex" });
    await verify(token);
    await verify(token);
    expect(requests).toEqual(["/.well-known/openid-configuration", "/jwks"]);
  });

  test("refetches JWKS for rotated key", async () => {
    let clock = Date.now();
    const verify = createTokenVerifier(
      [{ domain: origin, applicationID: "convex" }],
      { now: () => clock },
    );
    await verify(await sign(rsaKey, { iss: origin, sub: "u", aud: "convex" }));
    state.keys = [otherRsaKey.jwk];
    clock += 60_000;
    const rotated = await sign(
      otherRsaKey,
      {
        iss: origin,
        sub: "u",
        aud: "convex",
      },
      { expiresIn: Math.floor(clock / 1000) + 3600 },
    );
    await expect(verify(rotated)).resolves.toMatchObject({ subject: "u" });
    expect(requests.filter((url) => url === "/jwks")).toHaveLength(2);
  });

  test.each([
    {
      description: "expired token",
      claims: { exp: Math.floor(Date.now() / 1000) - 60 },
      code: "Unauthenticated",
      message: /expired/,
    },
    {
      description: "missing subject",
      claims: { sub: undefined },
      code: "Unauthenticated",
      message: /sub/,
    },
  ])("rejects $description", async ({ claims, code, message }) => {
    const token = await sign(rsaKey, {
      iss: origin,
      sub: "u",
      aud: "convex",
      ...claims,
    });
    const error = await rejection(verifier()(token));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  test("rejects unknown audience", async () => {
    const token = await sign(rsaKey, { iss: origin, sub: "u", aud: "other" });
    const error = await rejection(verifier()(token));
    expect(error.code).toBe("NoAuthProvider");
    expect(error.message).toContain(
      `oidc(domain=${origin}, applicationID=convex)`,
    );
  });

  test("rejects unknown issuer", async () => {
    const token = await sign(rsaKey, {
      iss: "http://127.0.0.1:1",
      sub: "u",
      aud: "convex",
    });
    const error = await rejection(verifier()(token));
    expect(error.code).toBe("NoAuthProvider");
    expect(requests).toEqual([]);
  });

  test("rejects signature from other key", async () => {
    const token = await sign(
      otherRsaKey,
      { iss: origin, sub: "u", aud: "convex" },
      { kid: "rsa-1" },
    );
    const error = await rejection(verifier()(token));
    expect(error.message).toMatch(/signature/);
  });

  test("rejects unknown key id", async () => {
    const token = await sign(otherRsaKey, {
      iss: origin,
      sub: "u",
      aud: "convex",
    });
    const error = await rejection(verifier()(token));
    expect(error.message).toMatch(/kid/);
  });

  test("rejects ES256 ID token", async () => {
    const token = await sign(ecKey, { iss: origin, sub: "u", aud: "convex" });
    const error = await rejection(verifier()(token));
    expect(error.message).toMatch(/alg/);
  });

  test("rejects several audiences", async () => {
    const token = await sign(rsaKey, {
      iss: origin,
      sub: "u",
      aud: ["convex", "other"],
    });
    const error = await rejection(verifier()(token));
    expect(error.message).toMatch(/several audiences/);
  });

  test("reports failed discovery", async () => {
    state.discoveryStatus = 500;
    const token = await sign(rsaKey, { iss: origin, sub: "u", aud: "convex" });
    const error = await rejection(verifier()(token));
    expect(error.code).toBe("AuthProviderDiscoveryFailed");
    expect(error.message).toContain("HTTP 500");
  });

  test("rejects mismatched discovery issuer", async () => {
    state.discoveryIssuer = "http://127.0.0.1:1";
    const token = await sign(rsaKey, { iss: origin, sub: "u", aud: "convex" });
    const error = await rejection(verifier()(token));
    expect(error.code).toBe("AuthProviderDiscoveryFailed");
  });

  test.each([
    { description: "empty string", token: "" },
    { description: "two parts", token: "abc.def" },
    { description: "non-JSON payload", token: "e30.bm90IGpzb24.c2ln" },
  ])("rejects malformed $description", async ({ token }) => {
    const error = await rejection(verifier()(token));
    expect(error.code).toBe("InvalidAuthHeader");
  });

  test("rejects missing issuer", async () => {
    const token = await sign(rsaKey, { sub: "u", aud: "convex" });
    const error = await rejection(verifier()(token));
    expect(error.code).toBe("InvalidAuthHeader");
    expect(error.message).toMatch(/iss claim is missing/);
  });
});

describe("custom JWT provider", () => {
  const provider = (overrides: Record<string, unknown> = {}) => ({
    type: "customJwt" as const,
    issuer: origin,
    jwks: `${origin}/jwks`,
    algorithm: "ES256" as const,
    applicationID: "intake",
    ...overrides,
  });

  test("flattens private claims", async () => {
    const verify = createTokenVerifier([provider()]);
    const token = await sign(ecKey, {
      iss: origin,
      sub: "u",
      aud: "intake",
      org: { id: "org-1", plan: { tier: "pro" } },
      email: "a@example.com",
      fva: [1, 2],
    });
    const identity = await verify(token);
    expect(identity.tokenIdentifier).toBe(`${origin}|u`);
    expect(identity["org.id"]).toBe("org-1");
    expect(identity["org.plan.tier"]).toBe("pro");
    expect(identity.email).toBe("a@example.com");
    expect(identity).not.toHaveProperty("fva");
    expect(identity).not.toHaveProperty("iat");
  });

  test("matches issuer without scheme", async () => {
    const verify = createTokenVerifier([
      provider({ issuer: `https://auth.example.test` }),
    ]);
    const token = await sign(ecKey, {
      iss: "auth.example.test",
      sub: "u",
      aud: "intake",
    });
    const identity = await verify(token);
    expect(identity.issuer).toBe("auth.example.test");
  });

  test("accepts any audience without applicationID", async () => {
    const verify = createTokenVerifier([
      provider({ applicationID: undefined }),
    ]);
    const token = await sign(ecKey, { iss: origin, sub: "u" });
    await expect(verify(token)).resolves.toMatchObject({ subject: "u" });
  });

  test("reads JWKS from data URL", async () => {
    const jwks = Buffer.from(JSON.stringify({ keys: [ecKey.jwk] })).toString(
      "base64",
    );
    const verify = createTokenVerifier([
      provider({ jwks: `data:application/json;base64,${jwks}` }),
    ]);
    const token = await sign(ecKey, { iss: origin, sub: "u", aud: "intake" });
    await expect(verify(token)).resolves.toMatchObject({ subject: "u" });
    expect(requests).toEqual([]);
  });

  test("tolerates 5 seconds of clock skew", async () => {
    const verify = createTokenVerifier([provider()]);
    const exp = Math.floor(Date.now() / 1000) - 2;
    const token = await sign(ecKey, {
      iss: origin,
      sub: "u",
      aud: "intake",
      exp,
    });
    await expect(verify(token)).resolves.toMatchObject({ subject: "u" });
  });

  test("rejects wrong algorithm", async () => {
    const verify = createTokenVerifier([provider()]);
    const token = await sign(rsaKey, { iss: origin, sub: "u", aud: "intake" });
    const error = await rejection(verify(token));
    expect(error.code).toBe("InvalidAuthHeader");
    expect(error.message).toMatch(/alg/);
  });

  test("rejects JWKS content type", async () => {
    state.jwksContentType = "text/html";
    const verify = createTokenVerifier([provider()]);
    const token = await sign(ecKey, { iss: origin, sub: "u", aud: "intake" });
    const error = await rejection(verify(token));
    expect(error.message).toContain('Invalid Content-Type "text/html"');
  });

  test("rejects missing expiry", async () => {
    const verify = createTokenVerifier([provider()]);
    const token = await new SignJWT({ iss: origin, sub: "u", aud: "intake" })
      .setProtectedHeader({ alg: "ES256", kid: "ec-1" })
      .sign(ecKey.privateKey);
    const error = await rejection(verify(token));
    expect(error.message).toMatch(/exp claim is missing/);
  });
});
