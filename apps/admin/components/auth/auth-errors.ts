import { getIntakeErrorData } from "@intake/backend/errors";
import { ConvexError, type Value } from "convex/values";

/** Password flows of the Convex Auth Password provider. */
export type PasswordFlow = "signIn" | "signUp";

/** Minimum password length that the Password provider accepts by default. */
export const MIN_PASSWORD_LENGTH = 8;

const INCORRECT_CREDENTIALS =
  "Email or password is incorrect. Check both and try again.";

// Convex Auth 0.0.95 rejects credentials with plain `Error`s whose message
// carries one of these codes. Deployments that redact server errors send
// "Server Error" instead, which falls through to the generic message.
const SERVER_CODES: { code: string; message: string }[] = [
  { code: "InvalidAccountId", message: INCORRECT_CREDENTIALS },
  { code: "InvalidSecret", message: INCORRECT_CREDENTIALS },
  { code: "Invalid credentials", message: INCORRECT_CREDENTIALS },
  {
    code: "TooManyFailedAttempts",
    message: "Too many failed attempts. Wait a few minutes, then try again.",
  },
  {
    code: "already exists",
    message:
      "An account with this email already exists. Choose Sign in instead.",
  },
  {
    code: "Invalid password",
    message: `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`,
  },
];

/**
 * Maps an error thrown by `signIn("password", …)` to a message for staff.
 * Raw server text is never returned, because it can carry request ids and
 * stack details.
 */
export function describeAuthError(error: unknown, flow: PasswordFlow): string {
  if (error instanceof ConvexError) {
    return invalidArgumentMessage(error) ?? genericMessage(flow);
  }
  const text = error instanceof Error ? error.message : String(error);
  const known = SERVER_CODES.find(({ code }) => text.includes(code));
  if (known) {
    return known.message;
  }
  if (/failed to fetch|network|connection/i.test(text)) {
    return "Could not reach the server. Check the connection and try again.";
  }
  return genericMessage(flow);
}

// The backend's Password profile rejects addresses and passwords that pass
// the form's own checks but break its limits (length, address shape).
function invalidArgumentMessage(error: ConvexError<Value>): string | null {
  const data = getIntakeErrorData(error);
  if (data?.kind !== "invalidArgument") return null;
  if (data.argument === "email") {
    return "Enter a shorter email address like name@example.com.";
  }
  if (data.argument === "password") {
    return `Choose a password of ${MIN_PASSWORD_LENGTH} to 256 characters.`;
  }
  return null;
}

function genericMessage(flow: PasswordFlow): string {
  return flow === "signUp"
    ? "Could not create the account. Try again in a moment."
    : "Could not sign in. Try again in a moment.";
}

/** Field problems found before the request is sent. */
export type CredentialErrors = { email?: string; password?: string };

/** Checks the email and password fields before calling the server. */
export function validateCredentials(
  email: string,
  password: string,
  flow: PasswordFlow,
): CredentialErrors {
  const errors: CredentialErrors = {};
  if (email.trim() === "") {
    errors.email = "Enter your email address.";
  } else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) {
    errors.email = "Enter an email address like name@example.com.";
  }
  if (password === "") {
    errors.password = "Enter your password.";
  } else if (flow === "signUp" && password.length < MIN_PASSWORD_LENGTH) {
    errors.password = `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`;
  }
  return errors;
}

/**
 * Maps an error of the reset flows to a message for staff. Convex Auth
 * 0.0.95 rejects a wrong, used or expired code with a plain `Error`.
 */
export function describeResetError(error: unknown): string {
  if (error instanceof ConvexError) {
    return (
      invalidArgumentMessage(error) ??
      "Could not reset the password. Try again in a moment."
    );
  }
  const text = error instanceof Error ? error.message : String(error);
  if (/failed to fetch|network|connection/i.test(text)) {
    return "Could not reach the server. Check the connection and try again.";
  }
  if (text.includes("TooManyFailedAttempts")) {
    return "Too many failed attempts. Wait a few minutes, then try again.";
  }
  return "The code is wrong or has expired. Check it, or send a new code.";
}
