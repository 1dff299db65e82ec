import { ConvexError } from "convex/values";
import { describe, expect, test } from "vitest";

import {
  describeMutationError,
  inviteUnavailableMessage,
} from "./mutation-error";

describe("describeMutationError", () => {
  test("explains the last owner rule", () => {
    const error = new ConvexError({ kind: "lastOwner", message: "x" });
    const message = describeMutationError(error, "leave the clinic");
    expect(message).toContain("Could not leave the clinic");
    expect(message).toContain("at least one owner");
  });

  test.each(["expired", "used", "revoked"] as const)(
    "explains an %s invite",
    (reason) => {
      const error = new ConvexError({
        kind: "inviteUnavailable",
        message: "x",
        reason,
      });
      const message = describeMutationError(error, "accept the invite");
      expect(message).toBe(inviteUnavailableMessage(reason));
      expect(message).toContain(reason === "revoked" ? "withdrawn" : reason);
      expect(message).toContain("Ask an owner");
    },
  );

  test("names the role for forbidden", () => {
    const error = new ConvexError({ kind: "forbidden", message: "x" });
    expect(describeMutationError(error, "invite")).toContain("your role");
  });

  test("asks to check the draft after a conflict", () => {
    const error = new ConvexError({
      kind: "draftConflict",
      message: "x",
      currentRevision: 3,
    });
    const message = describeMutationError(error, "publish the form");
    expect(message).toContain("Could not publish the form");
    expect(message).toContain("someone else saved the draft");
  });
});
