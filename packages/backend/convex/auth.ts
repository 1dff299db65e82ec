import { Email } from "@convex-dev/auth/providers/Email";
import { Password } from "@convex-dev/auth/providers/Password";
import { convexAuth } from "@convex-dev/auth/server";
import type { GenericActionCtx } from "convex/server";
import type { Value } from "convex/values";
import { internal } from "./_generated/api";
import type { DataModel } from "./_generated/dataModel";
import { normalizeEmail } from "./lib/email";
import { intakeError } from "./lib/errors";
import { randomDigits } from "./lib/secrets";

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

/** Digits in a password reset code. */
export const resetCodeLength = 8;

/** Seconds a password reset code stays valid. */
export const resetCodeMaxAgeSeconds = 15 * 60;

/**
 * Checks a new password at sign-up and at reset.
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
 * Sends password reset codes by storing them in the `outbox` table. The
 * code is a secret, so it goes into the row and nowhere else.
 */
const passwordReset = Email({
  id: "password-reset",
  maxAge: resetCodeMaxAgeSeconds,
  generateVerificationToken: () => randomDigits(resetCodeLength),
  // Convex Auth 0.0.95 passes the action context as a second argument,
  // which the Auth.js type of this callback leaves out.
  sendVerificationRequest: (async (
    params: { identifier: string; token: string },
    ctx: GenericActionCtx<DataModel>,
  ) => {
    await ctx.runMutation(internal.outbox.send, {
      to: params.identifier,
      subject: "Your Intake password reset code",
      text: `Enter ${params.token} to choose a new password. The code expires in ${resetCodeMaxAgeSeconds / 60} minutes.`,
      code: params.token,
    });
  }) as unknown as (params: { identifier: string }) => Promise<void>,
});

type Authorize = (
  params: Record<string, Value | undefined>,
  ctx: GenericActionCtx<DataModel>,
) => Promise<unknown>;

/**
 * Builds the Password provider with two changes to its `authorize`. The
 * email is normalized before any flow reads it, because the reset code
 * check compares `params.email` with the stored account id. A reset for
 * an unknown address returns null like one for a known address, so the
 * response does not reveal which addresses have accounts.
 */
function staffPassword() {
  const provider = Password<DataModel>({
    profile: (params) => ({ email: normalizeEmail(params.email) }),
    validatePasswordRequirements: requirePasswordRules,
    reset: passwordReset,
  });
  // Password() of 0.0.95 keeps its settings, `authorize` included, in
  // `options`, which Convex Auth merges over the provider. The reset test
  // of an unknown address fails if that shape changes.
  const options = (provider as unknown as { options: { authorize: Authorize } })
    .options;
  const authorize = options.authorize;
  options.authorize = async (params, ctx) => {
    const normalized = { ...params, email: normalizeEmail(params.email) };
    if (params.flow !== "reset") return await authorize(normalized, ctx);
    try {
      return await authorize(normalized, ctx);
    } catch (error) {
      // retrieveAccount throws this message for an unknown account id.
      // NOTE: the unknown-address path skips two writes, so its response
      // time still differs slightly from a known address.
      if (error instanceof Error && error.message === "InvalidAccountId") {
        return null;
      }
      throw error;
    }
  };
  return provider;
}

/**
 * Staff sign in with an email address and a password, and reset a
 * forgotten password with a code sent to the outbox. The Password
 * provider of @convex-dev/auth 0.0.95 uses `profile(params).email` as the
 * account id in every flow, so the normalized address is both what
 * sign-up stores and what sign-in looks up.
 */
export const { auth, signIn, signOut, store, isAuthenticated } = convexAuth({
  providers: [staffPassword()],
});
