import { ConvexError } from "convex/values";
import { describe, expect, test } from "vitest";

import {
  describeAuthError,
  describeResetError,
  validateCredentials,
} from "./auth-errors";

// Shape of a server error as the Convex client rethrows it in development.
function serverError(code: string): Error {
  return new Error(
    `[CONVEX A(auth:signIn)] [Request ID: 3f2a] Server Error\nUncaught Error: ${code}\n    at handler (../convex/auth.ts:12:3)`,
  );
}

describe("describeAuthError", () => {
  test.each([
    {
      description: "unknown email",
      error: serverError("InvalidAccountId"),
      expected: /Email or password is incorrect/,
    },
    {
      description: "wrong password",
      error: serverError("InvalidSecret"),
      expected: /Email or password is incorrect/,
    },
    {
      description: "rate limited",
      error: serverError("TooManyFailedAttempts"),
      expected: /Too many failed attempts/,
    },
    {
      description: "existing account",
      error: serverError("Account demo@intake.test already exists"),
      expected: /already exists. Choose Sign in/,
    },
    {
      description: "short password",
      error: serverError("Invalid password"),
      expected: /at least 8 characters/,
    },
    {
      description: "offline",
      error: new TypeError("Failed to fetch"),
      expected: /Could not reach the server/,
    },
    {
      description: "redacted error",
      error: new Error("Server Error"),
      expected: /^Could not sign in/,
    },
    {
      description: "email over the backend's limit",
      error: new ConvexError({
        kind: "invalidArgument",
        argument: "email",
        message: "Email is invalid",
      }),
      expected: /^Enter a shorter email address/,
    },
    {
      description: "password over the backend's limit",
      error: new ConvexError({
        kind: "invalidArgument",
        argument: "password",
        message: "Password is invalid",
      }),
      expected: /^Choose a password of 8 to 256 characters/,
    },
    {
      description: "ConvexError",
      error: new ConvexError({ kind: "forbidden" }),
      expected: /^Could not sign in/,
    },
  ])("$description", ({ error, expected }) => {
    expect(describeAuthError(error, "signIn")).toMatch(expected);
  });

  test("never echoes server text", () => {
    const message = describeAuthError(serverError("Something odd"), "signUp");
    expect(message).not.toMatch(/Request ID|Uncaught|auth\.ts/);
    expect(message).toMatch(/^Could not create the account/);
  });
});

describe("validateCredentials", () => {
  test.each([
    {
      description: "valid sign-in",
      email: "a@b.co",
      password: "x",
      flow: "signIn" as const,
      expected: {},
    },
    {
      description: "missing both",
      email: "",
      password: "",
      flow: "signIn" as const,
      expected: {
        email: "Enter your email address.",
        password: "Enter your password.",
      },
    },
    {
      description: "malformed email",
      email: "name@",
      password: "long-enough",
      flow: "signUp" as const,
      expected: { email: "Enter an email address like name@example.com." },
    },
    {
      description: "short sign-up password",
      email: "a@b.co",
      password: "short",
      flow: "signUp" as const,
      expected: { password: "Choose a password of at least 8 characters." },
    },
    {
      description: "short sign-in password",
      email: "a@b.co",
      password: "short",
      flow: "signIn" as const,
      expected: {},
    },
  ])("$description", ({ email, password, flow, expected }) => {
    expect(validateCredentials(email, password, flow)).toEqual(expected);
  });
});

describe("describeResetError", () => {
  test.each([
    {
      description: "wrong code",
      error: serverError("Invalid code"),
      expected: /code is wrong or has expired/,
    },
    {
      description: "rate limited",
      error: serverError("TooManyFailedAttempts"),
      expected: /Too many failed attempts/,
    },
    {
      description: "offline",
      error: new TypeError("Failed to fetch"),
      expected: /Could not reach the server/,
    },
    {
      description: "short password",
      error: new ConvexError({
        kind: "invalidArgument",
        argument: "password",
        message: "x",
      }),
      expected: /Choose a password of 8 to 256/,
    },
  ])("maps $description", ({ error, expected }) => {
    const message = describeResetError(error);
    expect(message).toMatch(expected);
    expect(message).not.toContain("Request ID");
  });
});
