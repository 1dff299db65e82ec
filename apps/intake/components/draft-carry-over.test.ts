import type { Answers, FormDefinition } from "@intake/form-schema";
import { describe, expect, test } from "vitest";

import {
  carryOverAnswers,
  fieldTypesOf,
  type FieldTypes,
} from "./draft-carry-over";

const definition: FormDefinition = {
  title: "Check-in",
  pages: [
    {
      id: "about",
      title: "About you",
      fields: [
        { type: "shortText", id: "name", label: "Name", required: true },
        { type: "number", id: "age", label: "Age", min: 0, max: 130 },
        {
          type: "singleChoice",
          id: "visit",
          label: "Visit",
          options: [
            { value: "new", label: "New" },
            { value: "return", label: "Return" },
          ],
        },
        { type: "paragraph", id: "note", label: "Note", text: "Thank you." },
      ],
    },
  ],
};

describe("fieldTypesOf", () => {
  test("lists input fields only", () => {
    expect(fieldTypesOf(definition)).toEqual({
      name: "shortText",
      age: "number",
      visit: "singleChoice",
    });
  });
});

interface CarryOverCase {
  $description: string;
  answers: Answers;
  previousTypes: FieldTypes | undefined;
  expected: Answers;
}

describe("carryOverAnswers", () => {
  test.each<CarryOverCase>([
    {
      $description: "keeps answers that fit",
      answers: { name: "Ana", age: 40, visit: "new" },
      previousTypes: {
        name: "shortText",
        age: "number",
        visit: "singleChoice",
      },
      expected: { name: "Ana", age: 40, visit: "new" },
    },
    {
      $description: "drops removed fields",
      answers: { name: "Ana", pets: "2" },
      previousTypes: { name: "shortText", pets: "shortText" },
      expected: { name: "Ana" },
    },
    {
      $description: "drops changed types",
      answers: { name: "Ana", age: 40 },
      previousTypes: { name: "longText", age: "number" },
      expected: { age: 40 },
    },
    {
      $description: "drops invalid values",
      answers: { name: "Ana", age: 400, visit: "walk-in" },
      previousTypes: {
        name: "shortText",
        age: "number",
        visit: "singleChoice",
      },
      expected: { name: "Ana" },
    },
    {
      $description: "checks values without types",
      answers: { name: "Ana", age: "forty" },
      previousTypes: undefined,
      expected: { name: "Ana" },
    },
    {
      $description: "drops answers to static fields",
      answers: { note: "x" },
      previousTypes: undefined,
      expected: {},
    },
  ])("$description", ({ answers, previousTypes, expected }) => {
    expect(carryOverAnswers(definition, answers, previousTypes)).toEqual(
      expected,
    );
  });
});
