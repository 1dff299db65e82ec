import { describe, expect, test } from "vitest";

import { formatDuration, formatRate } from "./format-duration";

describe("formatDuration", () => {
  test.each([
    { ms: -5_000, expected: "under a minute" },
    { ms: 59_999, expected: "under a minute" },
    { ms: 60_000, expected: "1 min" },
    { ms: 59 * 60_000, expected: "59 min" },
    { ms: 60 * 60_000, expected: "1 h" },
    { ms: 125 * 60_000, expected: "2 h 5 min" },
  ])("$ms ms is $expected", ({ ms, expected }) => {
    expect(formatDuration(ms)).toBe(expected);
  });
});

describe("formatRate", () => {
  test.each([
    { rate: null, expected: "–" },
    { rate: 0, expected: "0%" },
    { rate: 0.666, expected: "67%" },
    { rate: 1, expected: "100%" },
  ])("$rate is $expected", ({ rate, expected }) => {
    expect(formatRate(rate)).toBe(expected);
  });
});
