export { createTokenVerifier } from "./verify-token";
export type { TokenVerifier, TokenVerifierOptions } from "./verify-token";
export { AuthTokenError } from "./errors";
export type { AuthErrorCode } from "./errors";
export type {
  AuthProvider,
  CustomJwtProvider,
  OidcProvider,
} from "./providers";
