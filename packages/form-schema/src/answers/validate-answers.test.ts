import { describe, expect, test } from "vitest";

import type { FormDefinition } from "../definition/schema";
import { validateAnswers } from "./validate-answers";

const definition: FormDefinition = {
  title: "Check-in",
  pages: [
    {
      id: "one",
      title: "You",
      fields: [
        { id: "intro", type: "paragraph", label: "Intro", text: "Hello." },
        { id: "name", type: "shortText", label: "Name", required: true },
        { id: "email", type: "email", label: "Email" },
      ],
    },
    {
      id: "two",
      title: "Health",
      fields: [
        { id: "age", type: "number", label: "Age", min: 0, max: 120 },
        { id: "agree", type: "consent", label: "Agree", required: true },
      ],
    },
  ],
};

const valid = { name: "Ana", email: "ana@example.com", age: 30, agree: true };

describe("validateAnswers", () => {
  test("valid answers give no errors", () => {
    expect(validateAnswers(definition, valid)).toEqual({});
  });

  test("optional answers may be left out", () => {
    expect(validateAnswers(definition, { name: "Ana", agree: true })).toEqual(
      {},
    );
  });

  test("every bad field is reported", () => {
    const errors = validateAnswers(definition, {
      email: "nope",
      age: 500,
    });
    expect(Object.keys(errors).sort()).toEqual(
      ["age", "agree", "email", "name"].sort(),
    );
    expect(errors.name?.code).toBe("required");
    expect(errors.email?.code).toBe("invalidEmail");
    expect(errors.age?.code).toBe("outOfRange");
    expect(errors.agree?.code).toBe("notAccepted");
  });

  test.each([
    { description: "unknown key", key: "favoriteFood", value: "pie" },
    { description: "static field key", key: "intro", value: "hi" },
    { description: "invalid id key", key: "Not An Id", value: 1 },
    { description: "prototype key", key: "__proto__", value: "x" },
    { description: "constructor key", key: "constructor", value: "x" },
  ])("$description is unknownField", ({ key, value }) => {
    const answers = { ...valid };
    Object.defineProperty(answers, key, { value, enumerable: true });
    const errors = validateAnswers(definition, answers);
    expect(Object.keys(errors)).toEqual([key]);
    expect(Object.getOwnPropertyDescriptor(errors, key)?.value.code).toBe(
      "unknownField",
    );
    expect(Object.getPrototypeOf(errors)).toBe(Object.prototype);
  });

  test("undefined value counts as missing", () => {
    const errors = validateAnswers(definition, {
      ...valid,
      email: undefined,
      extra: undefined,
    });
    expect(errors).toEqual({});
  });

  test("inherited keys are ignored", () => {
    const answers = Object.assign(Object.create({ name: "Ana" }), {
      agree: true,
    });
    expect(validateAnswers(definition, answers).name?.code).toBe("invalidType");
  });

  test.each([
    { description: "null", answers: null },
    { description: "array", answers: [valid] },
    { description: "string", answers: "name=Ana" },
    { description: "Map", answers: new Map(Object.entries(valid)) },
  ])("$description answers fail every field", ({ answers }) => {
    const errors = validateAnswers(definition, answers);
    expect(Object.keys(errors).sort()).toEqual(
      ["age", "agree", "email", "name"].sort(),
    );
    expect(Object.values(errors).map((e) => e.code)).toEqual([
      "invalidType",
      "invalidType",
      "invalidType",
      "invalidType",
    ]);
  });

  test("null-prototype answers are accepted", () => {
    const answers = Object.assign(Object.create(null), valid);
    expect(validateAnswers(definition, answers)).toEqual({});
  });
});
