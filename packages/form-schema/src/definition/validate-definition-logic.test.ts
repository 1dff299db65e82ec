import { describe, expect, test } from "vitest";

import type { Field } from "../fields";
import type { Condition } from "../logic/condition";
import type { DefinitionProblemCode } from "./problem";
import type { FormDefinition } from "./schema";
import { validateDefinition } from "./validate-definition";

const smoker: Field = { id: "smoker", type: "yesNo", label: "Smoke?" };
const age: Field = { id: "age", type: "number", label: "Age" };
const visit: Field = { id: "visit", type: "date", label: "Visit" };
const reason: Field = { id: "reason", type: "shortText", label: "Reason" };
const home: Field = { id: "home", type: "address", label: "Home" };
const symptoms: Field = {
  id: "symptoms",
  type: "multipleChoice",
  label: "Symptoms",
  options: [
    { value: "cough", label: "Cough" },
    { value: "fever", label: "Fever" },
  ],
};
const intro: Field = { id: "intro", type: "heading", label: "H", text: "Hi" };
const pets: Field = {
  id: "pets",
  type: "group",
  label: "Pets",
  itemLabel: "Pet",
  fields: [
    { id: "petName", type: "shortText", label: "Name" },
    { id: "petAge", type: "number", label: "Age" },
  ],
};
const base = [smoker, age, visit, reason, home, symptoms, intro, pets];

/** Builds a form whose `details` field carries `showIf: condition`. */
function withShowIf(condition: Condition): FormDefinition {
  return {
    title: "Form",
    pages: [
      {
        id: "p1",
        title: "Page",
        fields: [
          ...base,
          {
            id: "details",
            type: "longText",
            label: "Details",
            showIf: condition,
          },
        ],
      },
    ],
  };
}

const detailsPath = ["pages", 0, "fields", base.length, "showIf"];

describe("validateDefinition logic values", () => {
  test.each<{ condition: Condition }>([
    { condition: { field: "smoker", op: "equals", value: true } },
    { condition: { field: "age", op: "greaterThan", value: 65 } },
    { condition: { field: "visit", op: "lessThan", value: "2025-01-01" } },
    { condition: { field: "reason", op: "includes", value: "pain" } },
    { condition: { field: "symptoms", op: "includes", value: "fever" } },
    { condition: { field: "home", op: "isNotEmpty" } },
    { condition: { field: "pets", op: "isEmpty" } },
    {
      condition: {
        all: [
          { field: "smoker", op: "equals", value: true },
          { any: [{ field: "age", op: "lessThan", value: 18 }] },
        ],
      },
    },
  ])("accepts $condition", ({ condition }) => {
    expect(validateDefinition(withShowIf(condition))).toEqual([]);
  });

  test.each<{
    description: string;
    condition: Condition;
    code: DefinitionProblemCode;
    path: (string | number)[];
  }>([
    {
      description: "missing field",
      condition: { field: "nope", op: "isEmpty" },
      code: "unknownLogicField",
      path: [...detailsPath, "field"],
    },
    {
      description: "static field",
      condition: { field: "intro", op: "isEmpty" },
      code: "unknownLogicField",
      path: [...detailsPath, "field"],
    },
    {
      description: "item field from outside",
      condition: { field: "petName", op: "isEmpty" },
      code: "unknownLogicField",
      path: [...detailsPath, "field"],
    },
    {
      description: "value on isEmpty",
      condition: { field: "reason", op: "isEmpty", value: "x" },
      code: "invalidLogicValue",
      path: detailsPath,
    },
    {
      description: "missing value",
      condition: { field: "reason", op: "equals" },
      code: "invalidLogicValue",
      path: detailsPath,
    },
    {
      description: "string for yesNo",
      condition: { field: "smoker", op: "equals", value: "yes" },
      code: "invalidLogicValue",
      path: detailsPath,
    },
    {
      description: "greaterThan on yesNo",
      condition: { field: "smoker", op: "greaterThan", value: true },
      code: "invalidLogicValue",
      path: detailsPath,
    },
    {
      description: "string for number",
      condition: { field: "age", op: "greaterThan", value: "65" },
      code: "invalidLogicValue",
      path: detailsPath,
    },
    {
      description: "bad date value",
      condition: { field: "visit", op: "lessThan", value: "2025-13-01" },
      code: "invalidLogicValue",
      path: detailsPath,
    },
    {
      description: "unknown option value",
      condition: { field: "symptoms", op: "includes", value: "rash" },
      code: "invalidLogicValue",
      path: detailsPath,
    },
    {
      description: "equals on multipleChoice",
      condition: { field: "symptoms", op: "equals", value: "cough" },
      code: "invalidLogicValue",
      path: detailsPath,
    },
    {
      description: "greaterThan on text",
      condition: { field: "reason", op: "greaterThan", value: "a" },
      code: "invalidLogicValue",
      path: detailsPath,
    },
    {
      description: "equals on address",
      condition: { field: "home", op: "equals", value: "x" },
      code: "invalidLogicValue",
      path: detailsPath,
    },
    {
      description: "nested bad value",
      condition: {
        any: [
          { field: "smoker", op: "equals", value: true },
          { field: "age", op: "lessThan", value: "x" },
        ],
      },
      code: "invalidLogicValue",
      path: [...detailsPath, "any", 1],
    },
    {
      description: "too deep",
      condition: {
        all: [{ all: [{ all: [{ all: [{ all: [] }] }] }] }],
      },
      code: "logicTooDeep",
      path: [...detailsPath, "all", 0, "all", 0, "all", 0, "all", 0],
    },
    {
      description: "own answer",
      condition: { field: "details", op: "isEmpty" },
      code: "logicCycle",
      path: [...detailsPath, "field"],
    },
  ])("$description is $code", ({ condition, code, path }) => {
    const problems = validateDefinition(withShowIf(condition));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.code).toBe(code);
    expect(problems[0]?.path).toEqual(path);
    expect(problems[0]?.message).toMatch(/^[A-Z].*\.$/);
  });
});

describe("validateDefinition logic cycles", () => {
  test("two fields depending on each other", () => {
    const definition: FormDefinition = {
      title: "Form",
      pages: [
        {
          id: "p1",
          title: "Page",
          fields: [
            {
              id: "a",
              type: "yesNo",
              label: "A",
              showIf: { field: "b", op: "equals", value: true },
            },
            {
              id: "b",
              type: "yesNo",
              label: "B",
              showIf: { field: "a", op: "equals", value: true },
            },
          ],
        },
      ],
    };
    const problems = validateDefinition(definition);
    expect(problems.map((problem) => problem.code)).toEqual(["logicCycle"]);
    expect(problems[0]?.path).toEqual(["pages", 0, "fields", 0, "showIf"]);
    expect(problems[0]?.message).toContain('"a" → "b" → "a"');
  });

  test("page depending on its own field", () => {
    const definition: FormDefinition = {
      title: "Form",
      pages: [
        { id: "p1", title: "One", fields: [smoker] },
        {
          id: "p2",
          title: "Two",
          showIf: { field: "packs", op: "greaterThan", value: 0 },
          fields: [{ id: "packs", type: "number", label: "Packs" }],
        },
      ],
    };
    const problems = validateDefinition(definition);
    expect(problems.map((problem) => problem.code)).toEqual(["logicCycle"]);
    expect(problems[0]?.path).toEqual(["pages", 1, "showIf"]);
    expect(problems[0]?.message).toContain('page "p2"');
  });

  test("chain through three fields", () => {
    const definition: FormDefinition = {
      title: "Form",
      pages: [
        {
          id: "p1",
          title: "Page",
          fields: ["a", "b", "c"].map((id, index, ids) => ({
            id,
            type: "shortText" as const,
            label: id,
            showIf: {
              field: ids[(index + 1) % ids.length] ?? "a",
              op: "isNotEmpty" as const,
            },
          })),
        },
      ],
    };
    const codes = validateDefinition(definition).map((p) => p.code);
    expect(codes).toEqual(["logicCycle"]);
  });

  test("chain without cycle passes", () => {
    const definition: FormDefinition = {
      title: "Form",
      pages: [
        { id: "p1", title: "One", fields: [smoker] },
        {
          id: "p2",
          title: "Two",
          showIf: { field: "smoker", op: "equals", value: true },
          fields: [
            { id: "packs", type: "number", label: "Packs" },
            {
              id: "quit",
              type: "yesNo",
              label: "Quit?",
              showIf: { field: "packs", op: "greaterThan", value: 1 },
            },
          ],
        },
      ],
    };
    expect(validateDefinition(definition)).toEqual([]);
  });

  test("item field reads its own item", () => {
    const group: Field = {
      id: "pets",
      type: "group",
      label: "Pets",
      itemLabel: "Pet",
      fields: [
        { id: "species", type: "shortText", label: "Species" },
        {
          id: "breed",
          type: "shortText",
          label: "Breed",
          showIf: { field: "species", op: "isNotEmpty" },
          requireIf: { field: "smoker", op: "equals", value: true },
        },
      ],
    };
    const definition: FormDefinition = {
      title: "Form",
      pages: [{ id: "p1", title: "P", fields: [smoker, group] }],
    };
    expect(validateDefinition(definition)).toEqual([]);
  });

  test("group reading its item field", () => {
    const group: Field = {
      ...pets,
      showIf: { field: "petName", op: "isNotEmpty" },
    };
    const definition: FormDefinition = {
      title: "Form",
      pages: [{ id: "p1", title: "P", fields: [group] }],
    };
    const codes = validateDefinition(definition).map((p) => p.code);
    expect(codes).toEqual(["unknownLogicField"]);
  });
});

describe("validateDefinition groups", () => {
  function formWithGroup(group: Field, ...rest: Field[]): FormDefinition {
    return {
      title: "Form",
      pages: [{ id: "p1", title: "P", fields: [group, ...rest] }],
    };
  }

  test.each<{
    description: string;
    definition: FormDefinition;
    code: DefinitionProblemCode;
    path: (string | number)[];
  }>([
    {
      description: "blank item label",
      definition: formWithGroup({ ...pets, itemLabel: " " }),
      code: "missingText",
      path: ["pages", 0, "fields", 0, "itemLabel"],
    },
    {
      description: "no input fields",
      definition: formWithGroup(
        { ...pets, fields: [intro] },
        { id: "other", type: "yesNo", label: "Other" },
      ),
      code: "emptyGroup",
      path: ["pages", 0, "fields", 0, "fields"],
    },
    {
      description: "minItems above maxItems",
      definition: formWithGroup({ ...pets, minItems: 5, maxItems: 2 }),
      code: "invalidRange",
      path: ["pages", 0, "fields", 0, "minItems"],
    },
    {
      description: "duplicate id inside group",
      definition: formWithGroup({
        ...pets,
        fields: [...pets.fields, { id: "petName", type: "yesNo", label: "Q" }],
      }),
      code: "duplicateFieldId",
      path: ["pages", 0, "fields", 0, "fields", 2, "id"],
    },
    {
      description: "item id reused outside",
      definition: formWithGroup(pets, {
        id: "petAge",
        type: "yesNo",
        label: "Q",
      }),
      code: "duplicateFieldId",
      path: ["pages", 0, "fields", 1, "id"],
    },
    {
      description: "item field rule",
      definition: formWithGroup({
        ...pets,
        fields: [
          { id: "petAge", type: "number", label: "Age", min: 5, max: 1 },
        ],
      }),
      code: "invalidRange",
      path: ["pages", 0, "fields", 0, "fields", 0, "min"],
    },
    {
      description: "empty file types",
      definition: formWithGroup({
        id: "card",
        type: "file",
        label: "Card",
        accept: [],
      }),
      code: "emptyOptions",
      path: ["pages", 0, "fields", 0, "accept"],
    },
  ])("$description is $code", ({ definition, code, path }) => {
    const problems = validateDefinition(definition);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.code).toBe(code);
    expect(problems[0]?.path).toEqual(path);
  });

  test("nested group is invalidStructure", () => {
    const definition = formWithGroup({
      ...pets,
      fields: [{ ...pets }],
    } as unknown as Field);
    const codes = validateDefinition(definition).map((p) => p.code);
    expect(codes).toContain("invalidStructure");
  });
});
