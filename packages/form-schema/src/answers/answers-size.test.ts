import { describe, expect, test } from "vitest";

import { LIMITS } from "../fields/limits";
import { jsonByteLength, oversizedAnswerErrors } from "./answers-size";

describe("jsonByteLength", () => {
  test.each([
    { value: { a: "x" }, expected: 9 },
    { value: "é", expected: 4 },
    { value: "\u0001", expected: 8 },
    { value: undefined, expected: 0 },
  ])("$value is $expected bytes", ({ value, expected }) => {
    expect(jsonByteLength(value)).toBe(expected);
  });
});

describe("oversizedAnswerErrors", () => {
  test("answers that fit name nothing", () => {
    expect(oversizedAnswerErrors({ a: "x".repeat(50) }, 100)).toEqual({});
  });

  test("names the largest answer", () => {
    const answers = { small: "x".repeat(10), large: "y".repeat(200) };
    const errors = oversizedAnswerErrors(answers, 100);
    expect(Object.keys(errors)).toEqual(["large"]);
    expect(errors.large?.code).toBe("tooLarge");
    expect(errors.large?.message).toMatch(/maximum of 100 bytes\.$/);
  });

  test("names answers until the rest fit", () => {
    const answers = {
      first: "a".repeat(60),
      second: "b".repeat(50),
      third: "c".repeat(40),
      fourth: "d".repeat(5),
    };
    const errors = oversizedAnswerErrors(answers, 100);
    expect(Object.keys(errors).sort()).toEqual(["first", "second"]);
    const rest = { third: answers.third, fourth: answers.fourth };
    expect(jsonByteLength(rest)).toBeLessThanOrEqual(100);
  });

  test("counts nested answers by their key", () => {
    const answers = {
      pets: [{ name: "z".repeat(300) }, { name: "Rex" }],
      note: "short",
    };
    expect(Object.keys(oversizedAnswerErrors(answers, 200))).toEqual(["pets"]);
  });

  test("counts escaped characters as sent", () => {
    const answers = { note: "\u0001".repeat(20) };
    expect(jsonByteLength(answers)).toBeGreaterThan(100);
    expect(Object.keys(oversizedAnswerErrors(answers, 100))).toEqual(["note"]);
  });

  test("keeps a __proto__ key own", () => {
    const answers = JSON.parse(`{"__proto__": "${"p".repeat(200)}"}`) as Record<
      string,
      unknown
    >;
    const errors = oversizedAnswerErrors(answers, 100);
    expect(Object.keys(errors)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(errors)).toBe(Object.prototype);
  });

  test.each([
    { description: "a string", value: "x".repeat(200) },
    { description: "an array", value: ["x".repeat(200)] },
    { description: "null", value: null },
  ])("$description names nothing", ({ value }) => {
    expect(oversizedAnswerErrors(value, 100)).toEqual({});
  });

  test("defaults to LIMITS.answersBytes", () => {
    const fits = { note: "x".repeat(LIMITS.answersBytes - 20) };
    const over = { note: "x".repeat(LIMITS.answersBytes) };
    expect(oversizedAnswerErrors(fits)).toEqual({});
    expect(Object.keys(oversizedAnswerErrors(over))).toEqual(["note"]);
  });
});
