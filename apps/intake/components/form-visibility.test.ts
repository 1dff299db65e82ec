import { describe, expect, test } from "vitest";

import { answerAt } from "./form-visibility";

const answers = {
  zip: "12345",
  pets: [{ petName: "Rex" }, { petName: "Tom" }],
};

describe("answerAt", () => {
  test.each([
    { key: "zip", expected: "12345" },
    { key: "pets.1.petName", expected: "Tom" },
    { key: "pets.5.petName", expected: undefined },
    { key: "zip.0.petName", expected: undefined },
    { key: "missing", expected: undefined },
    { key: "toString", expected: undefined },
    { key: "pets.0.constructor", expected: undefined },
  ])("$key", ({ key, expected }) => {
    expect(answerAt(answers, key)).toBe(expected);
  });
});
