/**
 * Short codes of token verification failures, as the Convex backend names
 * them. Transports report all of them as HTTP 401 (or an `AuthError`
 * message on the WebSocket).
 */
export type AuthErrorCode =
  | "InvalidAuthHeader"
  | "NoAuthProvider"
  | "AuthProviderDiscoveryFailed"
  | "Unauthenticated";

/** Error for a rejected token. The message names the check that failed. */
export class AuthTokenError extends Error {
  readonly code: AuthErrorCode;

  constructor(code: AuthErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "AuthTokenError";
    this.code = code;
  }
}
