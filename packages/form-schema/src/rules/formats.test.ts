import { describe, expect, it } from "vitest";
import { z } from "zod";

import { EMAIL_PATTERN } from "./formats";

describe("EMAIL_PATTERN", () => {
  it("matches zod's email pattern", () => {
    expect(EMAIL_PATTERN.source).toBe(z.regexes.email.source);
    expect(EMAIL_PATTERN.flags).toBe(z.regexes.email.flags);
  });
});
