import { describe, expect, test } from "vitest";

import { classifySignInError } from "./verify-staff";

describe("classifySignInError", () => {
  test.each([
    {
      $description: "a network failure",
      error: new TypeError("Failed to fetch"),
      expected: "unreachable",
    },
    {
      $description: "a locked account",
      error: new Error(
        "[Request ID: 1a2b] Server Error Uncaught Error: TooManyFailedAttempts",
      ),
      expected: "locked",
    },
    {
      $description: "a wrong password",
      error: new Error("[Request ID: 3c4d] Server Error InvalidSecret"),
      expected: "invalid",
    },
    {
      $description: "a thrown string",
      error: "InvalidAccountId",
      expected: "invalid",
    },
  ])("maps $$description", ({ error, expected }) => {
    expect(classifySignInError(error)).toBe(expected);
  });
});
