import { exportJWK, exportPKCS8, generateKeyPair } from "jose";

/** The signing keys Convex Auth reads from the environment. */
export interface AuthKeys {
  /** `JWT_PRIVATE_KEY`: a PKCS#8 RS256 key in PEM form, on one line. */
  privateKey: string;
  /** `JWKS`: the public key set that verifies session JWTs, as JSON. */
  jwks: string;
}

/** Generates a new RS256 key pair for signing session JWTs. */
export async function generateAuthKeys(): Promise<AuthKeys> {
  const { privateKey, publicKey } = await generateKeyPair("RS256", {
    extractable: true,
  });
  // The value stays on one line. jose's importPKCS8, which Convex Auth
  // calls on it, accepts spaces in place of the PEM's line breaks.
  const pem = (await exportPKCS8(privateKey)).trimEnd().replace(/\n/g, " ");
  const jwks = { keys: [{ use: "sig", ...(await exportJWK(publicKey)) }] };
  return { privateKey: pem, jwks: JSON.stringify(jwks) };
}
