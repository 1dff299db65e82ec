import { describe, expect, test } from "vitest";

import { safeNextPath, signInHref } from "./safe-redirect";

describe("safeNextPath", () => {
  test.each([
    { description: "missing", target: null, expected: "/" },
    { description: "empty", target: "", expected: "/" },
    {
      description: "local path",
      target: "/clinics/a/forms",
      expected: "/clinics/a/forms",
    },
    {
      description: "absolute URL",
      target: "https://evil.test/",
      expected: "/",
    },
    { description: "protocol-relative", target: "//evil.test", expected: "/" },
    { description: "backslash trick", target: "/\\evil.test", expected: "/" },
    { description: "relative path", target: "clinics", expected: "/" },
  ])("$description", ({ target, expected }) => {
    expect(safeNextPath(target)).toBe(expected);
  });
});

describe("signInHref", () => {
  test.each([
    { description: "home", pathname: "/", expected: "/sign-in" },
    {
      description: "sign-in itself",
      pathname: "/sign-in",
      expected: "/sign-in",
    },
    {
      description: "staff page",
      pathname: "/clinics/c1/forms/f1",
      expected: "/sign-in?next=%2Fclinics%2Fc1%2Fforms%2Ff1",
    },
  ])("$description", ({ pathname, expected }) => {
    expect(signInHref(pathname)).toBe(expected);
  });
});
