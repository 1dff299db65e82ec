import { Password } from "@convex-dev/auth/providers/Password";
import { convexAuth } from "@convex-dev/auth/server";
import { normalizeEmail } from "./lib/email";
import { intakeError } from "./lib/errors";

/**
 * Minimum password length in UTF-16 code units, as `String.length` counts
 * them, which is also how the Password provider's default check counts.
 */
export const minPasswordLength = 8;

/**
 * Maximum password length in UTF-16 code units. It bounds the input to
 * hashing and leaves room for long passphrases.
 */
export const maxPasswordLength = 256;

/**
 * Checks a new password at sign-up.
 * Throws `invalidArgument` (argument "password") when it is too short or
 * too long.
 */
function requirePasswordRules(password: unknown): void {
  const length = typeof password === "string" ? password.length : 0;
  if (length < minPasswordLength || length > maxPasswordLength) {
    throw intakeError({
      kind: "invalidArgument",
      argument: "password",
      message: `Choose a password of ${minPasswordLength} to ${maxPasswordLength} characters.`,
    });
  }
}

/**
 * Staff sign in with an email address and a password. The Password
 * provider of @convex-dev/auth 0.0.95 uses `profile(params).email` as the
 * account id in every flow, so the normalized address is both what
 * sign-up stores and what sign-in looks up.
 */
export const { auth, signIn, signOut, store, isAuthenticated } = convexAuth({
  providers: [
    Password({
      profile: (params) => ({ email: normalizeEmail(params.email) }),
      validatePasswordRequirements: requirePasswordRules,
    }),
  ],
});
