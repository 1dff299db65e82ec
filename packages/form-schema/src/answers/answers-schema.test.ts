import { describe, expect, test } from "vitest";

import { isAnswerEmpty } from "./is-empty";
import { answersSchema } from "./schema";

describe("answersSchema", () => {
  test.each([
    {
      description: "every value type",
      answers: { a: "x", b: 1, c: true, d: ["x"] },
      ok: true,
    },
    { description: "empty object", answers: {}, ok: true },
    {
      description: "typed signature",
      answers: { a: { typedName: "Ana Lopez" } },
      ok: true,
    },
    {
      description: "typed signature over cap",
      answers: { a: { typedName: "x".repeat(101) } },
      ok: false,
    },
    {
      description: "typed signature extra key",
      answers: { a: { typedName: "Ana", font: "cursive" } },
      ok: false,
    },
    { description: "null value", answers: { a: null }, ok: false },
    { description: "object value", answers: { a: { b: 1 } }, ok: false },
    { description: "number list", answers: { a: [1] }, ok: false },
    { description: "infinite number", answers: { a: Infinity }, ok: false },
    {
      description: "key not a field id",
      answers: { "first name": "x" },
      ok: false,
    },
    {
      description: "string over cap",
      answers: { a: "x".repeat(5001) },
      ok: false,
    },
    {
      description: "list over cap",
      answers: { a: Array(101).fill("x") },
      ok: false,
    },
    {
      description: "too many keys",
      answers: Object.fromEntries(
        Array.from({ length: 201 }, (_, i) => [`k${i}`, true]),
      ),
      ok: false,
    },
  ])("$description", ({ answers, ok }) => {
    expect(answersSchema.safeParse(answers).success).toBe(ok);
  });
});

describe("isAnswerEmpty", () => {
  test.each([
    { description: "undefined", value: undefined, empty: true },
    { description: "null", value: null, empty: true },
    { description: "empty string", value: "", empty: true },
    { description: "whitespace", value: " \n ", empty: true },
    { description: "empty list", value: [], empty: true },
    { description: "text", value: "a", empty: false },
    { description: "zero", value: 0, empty: false },
    { description: "false", value: false, empty: false },
    { description: "list", value: ["a"], empty: false },
    { description: "no strokes", value: { strokes: [] }, empty: true },
    { description: "blank typed name", value: { typedName: " " }, empty: true },
    { description: "typed name", value: { typedName: "Ana" }, empty: false },
  ])("$description", ({ value, empty }) => {
    expect(isAnswerEmpty(value)).toBe(empty);
  });
});
