import { describe, expect, test } from "vitest";

import type { Condition } from "./condition";
import { evaluateCondition } from "./evaluate";

const answers = {
  smoker: true,
  age: 42,
  visit: "2024-05-01",
  reason: "Knee pain",
  symptoms: ["cough", "fever"],
  none: [],
  blank: "  ",
  home: { line1: "", city: "", region: "", postalCode: "" },
  sign: { width: 10, height: 10, strokes: [] },
};

describe("evaluateCondition", () => {
  test.each<{ condition: Condition; expected: boolean }>([
    {
      condition: { field: "smoker", op: "equals", value: true },
      expected: true,
    },
    {
      condition: { field: "smoker", op: "equals", value: false },
      expected: false,
    },
    { condition: { field: "age", op: "equals", value: 42 }, expected: true },
    { condition: { field: "age", op: "equals", value: "42" }, expected: false },
    { condition: { field: "age", op: "notEquals", value: 41 }, expected: true },
    {
      condition: { field: "missing", op: "equals", value: "" },
      expected: false,
    },
    {
      condition: { field: "missing", op: "notEquals", value: "x" },
      expected: true,
    },
    {
      condition: { field: "symptoms", op: "includes", value: "fever" },
      expected: true,
    },
    {
      condition: { field: "symptoms", op: "includes", value: "rash" },
      expected: false,
    },
    {
      condition: { field: "symptoms", op: "notIncludes", value: "rash" },
      expected: true,
    },
    {
      condition: { field: "reason", op: "includes", value: "knee" },
      expected: true,
    },
    { condition: { field: "age", op: "includes", value: 4 }, expected: false },
    {
      condition: { field: "missing", op: "notIncludes", value: "a" },
      expected: true,
    },
    {
      condition: { field: "age", op: "greaterThan", value: 40 },
      expected: true,
    },
    {
      condition: { field: "age", op: "greaterThan", value: 42 },
      expected: false,
    },
    { condition: { field: "age", op: "lessThan", value: 50 }, expected: true },
    {
      condition: { field: "age", op: "lessThan", value: "50" },
      expected: false,
    },
    {
      condition: { field: "visit", op: "greaterThan", value: "2024-04-30" },
      expected: true,
    },
    {
      condition: { field: "visit", op: "lessThan", value: "2024-04-30" },
      expected: false,
    },
    {
      condition: { field: "reason", op: "greaterThan", value: "A" },
      expected: false,
    },
    {
      condition: { field: "missing", op: "lessThan", value: 1 },
      expected: false,
    },
    { condition: { field: "missing", op: "isEmpty" }, expected: true },
    { condition: { field: "blank", op: "isEmpty" }, expected: true },
    { condition: { field: "none", op: "isEmpty" }, expected: true },
    { condition: { field: "home", op: "isEmpty" }, expected: true },
    { condition: { field: "sign", op: "isEmpty" }, expected: true },
    { condition: { field: "smoker", op: "isEmpty" }, expected: false },
    { condition: { field: "age", op: "isNotEmpty" }, expected: true },
    { condition: { all: [] }, expected: true },
    { condition: { any: [] }, expected: false },
    {
      condition: {
        all: [
          { field: "smoker", op: "equals", value: true },
          { field: "age", op: "greaterThan", value: 40 },
        ],
      },
      expected: true,
    },
    {
      condition: {
        all: [
          { field: "smoker", op: "equals", value: true },
          { field: "age", op: "greaterThan", value: 50 },
        ],
      },
      expected: false,
    },
    {
      condition: {
        any: [
          { field: "age", op: "greaterThan", value: 50 },
          { all: [{ field: "symptoms", op: "includes", value: "cough" }] },
        ],
      },
      expected: true,
    },
  ])("$condition is $expected", ({ condition, expected }) => {
    expect(evaluateCondition(condition, answers)).toBe(expected);
  });

  test("inherited keys read as missing", () => {
    const condition: Condition = { field: "constructor", op: "isEmpty" };
    expect(evaluateCondition(condition, {})).toBe(true);
  });

  test("deep nesting is false", () => {
    let condition: Condition = { field: "age", op: "isNotEmpty" };
    for (let depth = 0; depth < 100; depth += 1) {
      condition = { all: [condition] };
    }
    expect(evaluateCondition(condition, answers)).toBe(false);
  });
});
