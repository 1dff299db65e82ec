import { ConvexError } from "convex/values";
import { describe, expect, test } from "vitest";

import { MESSAGES } from "./i18n/messages";
import { describeSubmitError } from "./submit-errors";

describe("describeSubmitError", () => {
  test.each([
    {
      description: "rate limited for seconds",
      error: new ConvexError({
        kind: "rateLimited",
        message: "Rate limited",
        retryAfterMs: 20_000,
        scope: "visitor",
      }),
      expected: /^Too many forms were sent from this device\. Wait a minute,/,
    },
    {
      description: "rate limited for minutes",
      error: new ConvexError({
        kind: "rateLimited",
        message: "Rate limited",
        retryAfterMs: 150_000,
        scope: "visitor",
      }),
      expected: /Wait 3 minutes, then submit again\.$/,
    },
    {
      description: "form limit reached",
      error: new ConvexError({
        kind: "rateLimited",
        message: "Rate limited",
        retryAfterMs: 20_000,
        scope: "form",
      }),
      expected:
        /^This form is receiving many answers right now\. Your answers are kept\. Wait a minute,/,
    },
    {
      description: "unpublished form",
      error: new ConvexError({ kind: "formNotFound", message: "Not found" }),
      expected: /no longer accepting answers/,
    },
    {
      description: "network failure",
      error: new TypeError("Failed to fetch"),
      expected: /Check your internet connection/,
    },
  ])("$description", ({ error, expected }) => {
    const failure = describeSubmitError(error);

    expect(failure.kind).toBe("notice");
    expect(failure.kind === "notice" ? failure.message : "").toMatch(expected);
  });

  test("size error with names gives field errors", () => {
    const fieldErrors = {
      notes: { code: "tooLarge", message: "Shorten this answer." },
    };
    const failure = describeSubmitError(
      new ConvexError({
        kind: "answersTooLarge",
        message: "Too large",
        maxBytes: 524_288,
        fieldErrors,
      }),
    );

    expect(failure).toEqual({ kind: "fieldErrors", fieldErrors });
  });

  test("size error without names gives a notice", () => {
    const failure = describeSubmitError(
      new ConvexError({
        kind: "answersTooLarge",
        message: "Too large",
        maxBytes: 524_288,
        fieldErrors: {},
      }),
    );

    expect(failure.kind).toBe("notice");
    expect(failure.kind === "notice" ? failure.message : "").toMatch(
      /too long to send/,
    );
  });

  test("form limit in Spanish", () => {
    const failure = describeSubmitError(
      new ConvexError({
        kind: "rateLimited",
        message: "Rate limited",
        retryAfterMs: 120_000,
        scope: "form",
      }),
      MESSAGES.es,
    );

    expect(failure.kind).toBe("notice");
    expect(failure.kind === "notice" ? failure.message : "").toMatch(
      /^Este formulario está recibiendo muchas respuestas.* Espere 2 minutos/,
    );
  });

  test("never shows server text", () => {
    const failure = describeSubmitError(
      new ConvexError({
        kind: "rateLimited",
        message: "internal bucket submitPerVisitor",
        retryAfterMs: 1_000,
        scope: "visitor",
      }),
    );

    expect(JSON.stringify(failure)).not.toContain("submitPerVisitor");
  });
});
