import { ConvexError } from "convex/values";
import { describe, expect, test } from "vitest";
import {
  getIntakeErrorData,
  intakeError,
  isIntakeError,
  isRateLimitedError,
} from "../convex/lib/errors";

describe("getIntakeErrorData", () => {
  const formNotFound = { kind: "formNotFound", message: "No form." } as const;

  test.each([
    { $description: "a plain Error", error: new Error("boom") },
    { $description: "a string", error: "formNotFound" },
    { $description: "null", error: null },
    {
      $description: "a ConvexError with a string",
      error: new ConvexError("formNotFound"),
    },
    {
      $description: "a ConvexError of an unknown kind",
      error: new ConvexError({ kind: "somethingElse" }),
    },
  ])("returns null for $$description", ({ error }) => {
    expect(getIntakeErrorData(error)).toBeNull();
  });

  test("reads a thrown intake error", () => {
    expect(getIntakeErrorData(intakeError(formNotFound))).toEqual(formNotFound);
  });

  test("reads an error from another convex copy", () => {
    const copy = {
      [Symbol.for("ConvexError")]: true,
      message: "No form.",
      data: formNotFound,
    };
    expect(getIntakeErrorData(copy)).toEqual(formNotFound);
  });
});

describe("isIntakeError", () => {
  const error = intakeError({ kind: "forbidden", message: "No access." });

  test("matches its own kind", () => {
    expect(isIntakeError(error, "forbidden")).toBe(true);
  });

  test("rejects other kinds", () => {
    expect(isIntakeError(error, "notFound")).toBe(false);
  });
});

describe("isRateLimitedError", () => {
  test("matches a rateLimited error", () => {
    const error = intakeError({
      kind: "rateLimited",
      message: "Too many views.",
      retryAfterMs: 1000,
      scope: "visitor",
    });
    expect(isRateLimitedError(error)).toBe(true);
  });

  test("rejects other kinds", () => {
    const error = intakeError({ kind: "forbidden", message: "No access." });
    expect(isRateLimitedError(error)).toBe(false);
  });
});
