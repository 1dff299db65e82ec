import { describe, expect, test } from "vitest";

import { parseHttpUrl } from "./env";

describe("parseHttpUrl", () => {
  test.each([
    {
      description: "unset",
      value: undefined,
      expected: "http://127.0.0.1:3210",
    },
    { description: "blank", value: "  ", expected: "http://127.0.0.1:3210" },
    {
      description: "https deployment",
      value: "https://happy-otter-123.convex.cloud",
      expected: "https://happy-otter-123.convex.cloud",
    },
    {
      description: "trailing slash",
      value: "http://127.0.0.1:4100/",
      expected: "http://127.0.0.1:4100",
    },
  ])("$description", ({ value, expected }) => {
    expect(parseHttpUrl("TEST_URL", value, "http://127.0.0.1:3210")).toBe(
      expected,
    );
  });

  test.each([
    {
      description: "not a URL",
      value: "127.0.0.1:3210",
      message: /not a valid URL/,
    },
    {
      description: "wrong scheme",
      value: "ws://127.0.0.1:3210",
      message: /http or https/,
    },
  ])("rejects $description", ({ value, message }) => {
    expect(() =>
      parseHttpUrl("TEST_URL", value, "http://127.0.0.1:3210"),
    ).toThrow(message);
  });
});
