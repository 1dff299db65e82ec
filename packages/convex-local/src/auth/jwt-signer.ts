import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  SignJWT,
  type JWK,
  type KeyLike,
} from "jose";
import { readMeta, writeMeta, type SqliteDatabase } from "../storage/database";

/**
 * Maximum token lifetime of `ctx.auth.signJwt`, in seconds, from the
 * convex 1.48 `MutationAuth` docs.
 */
export const MAX_JWT_LIFETIME_SECONDS = 60 * 60;

/** Claims Convex sets itself, which callers may not pass. */
const RESERVED_CLAIMS = new Set(["iss", "iat", "exp", "nbf"]);

/** Claim-name prefixes reserved for Convex, in any casing. */
const RESERVED_PREFIXES = ["convex", "cvx"];

const META_KEY = "jwt_signing_key";

/** The JSON Web Key Set that verifies this backend's signed tokens. */
export type Jwks = { keys: JWK[] };

/** The `1.0/signJwt` syscall arguments that shape the token. */
export type SignJwtRequest = {
  claims?: Record<string, unknown>;
  expiresInSeconds: unknown;
};

/**
 * Signs ES256 JWTs for `ctx.auth.signJwt` with one key pair per state
 * folder, kept in the SQLite `meta` table so tokens stay verifiable
 * across restarts. The public key is served at
 * `/.well-known/jwks.json` on the API port.
 */
export class JwtSigner {
  private constructor(
    private readonly privateKey: KeyLike,
    private readonly publicJwk: JWK,
  ) {}

  /** Loads the key pair of a database, creating it on first use. */
  static async open(db: SqliteDatabase): Promise<JwtSigner> {
    const stored = readMeta(db, META_KEY);
    let privateJwk: JWK;
    if (stored) {
      privateJwk = JSON.parse(stored) as JWK;
    } else {
      const pair = await generateKeyPair("ES256", { extractable: true });
      privateJwk = await exportJWK(pair.privateKey);
      privateJwk.kid = await calculateJwkThumbprint(privateJwk);
      writeMeta(db, META_KEY, JSON.stringify(privateJwk));
    }
    const { d: _secret, ...publicJwk } = privateJwk;
    const privateKey = (await importJWK(privateJwk, "ES256")) as KeyLike;
    return new JwtSigner(privateKey, {
      ...publicJwk,
      alg: "ES256",
      use: "sig",
    });
  }

  /** Returns the public key set that verifies tokens from `sign`. */
  jwks(): Jwks {
    return { keys: [this.publicJwk] };
  }

  /**
   * Signs `claims` with `iss`, `iat` and `exp` set, as Convex does.
   * Throws when the lifetime is not 1 to 3600 seconds or a claim is
   * reserved.
   */
  async sign(
    request: SignJwtRequest,
    issuer: string,
    nowMs: number,
  ): Promise<string> {
    const lifetime = request.expiresInSeconds;
    // NOTE: the limits follow the convex 1.48 documentation of signJwt.
    // The error texts are this backend's own.
    if (
      typeof lifetime !== "number" ||
      !Number.isInteger(lifetime) ||
      lifetime < 1 ||
      lifetime > MAX_JWT_LIFETIME_SECONDS
    ) {
      throw new Error(
        `Invalid \`expiresInSeconds\` for ctx.auth.signJwt: ${String(lifetime)}. Pass a whole number of seconds from 1 to ${MAX_JWT_LIFETIME_SECONDS}.`,
      );
    }
    const claims = request.claims ?? {};
    for (const name of Object.keys(claims)) {
      const lower = name.toLowerCase();
      const reserved =
        RESERVED_CLAIMS.has(name) ||
        RESERVED_PREFIXES.some((prefix) => lower.startsWith(prefix));
      if (reserved) {
        throw new Error(
          `Invalid claim \`${name}\` for ctx.auth.signJwt: iss, iat, exp, nbf and claims starting with "convex" or "cvx" are set by Convex. Rename the claim.`,
        );
      }
    }
    const issuedAt = Math.floor(nowMs / 1000);
    return await new SignJWT(claims)
      .setProtectedHeader({ alg: "ES256", kid: this.publicJwk.kid, typ: "JWT" })
      .setIssuer(issuer)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + lifetime)
      .sign(this.privateKey);
  }
}
