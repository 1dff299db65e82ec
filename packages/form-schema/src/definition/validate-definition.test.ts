import { describe, expect, test } from "vitest";

import type { Field } from "../fields";
import {
  DEFINITION_PROBLEM_CODES,
  type DefinitionProblemCode,
} from "./problem";
import type { FormDefinition } from "./schema";
import { validateDefinition } from "./validate-definition";

const name: Field = { id: "name", type: "shortText", label: "Name" };

function formOf(...fields: Field[]): FormDefinition {
  return { title: "Form", pages: [{ id: "p1", title: "Page", fields }] };
}

const choice = (extra: Partial<Extract<Field, { type: "multipleChoice" }>>) =>
  ({
    id: "pick",
    type: "multipleChoice",
    label: "Pick",
    options: [
      { value: "a", label: "A" },
      { value: "b", label: "B" },
    ],
    ...extra,
  }) satisfies Field;

type Case = {
  description: string;
  definition: unknown;
  code: DefinitionProblemCode;
  path: (string | number)[];
};

const cases: Case[] = [
  {
    description: "not an object",
    definition: "form",
    code: "invalidStructure",
    path: [],
  },
  {
    description: "unknown field type",
    definition: formOf({ ...name, type: "drawing" } as unknown as Field),
    code: "invalidStructure",
    path: ["pages", 0, "fields", 0, "type"],
  },
  {
    description: "bad field id",
    definition: formOf({ ...name, id: "1st" }),
    code: "invalidStructure",
    path: ["pages", 0, "fields", 0, "id"],
  },
  {
    description: "unknown field property",
    definition: formOf({ ...name, maxlength: 5 } as unknown as Field),
    code: "invalidStructure",
    path: ["pages", 0, "fields", 0],
  },
  {
    description: "maxLength above cap",
    definition: formOf({ ...name, maxLength: 501 }),
    code: "invalidStructure",
    path: ["pages", 0, "fields", 0, "maxLength"],
  },
  {
    description: "impossible minDate",
    definition: formOf({
      id: "d",
      type: "date",
      label: "D",
      minDate: "2023-02-30",
    }),
    code: "invalidStructure",
    path: ["pages", 0, "fields", 0, "minDate"],
  },
  {
    description: "blank title",
    definition: { ...formOf(name), title: "  " },
    code: "missingText",
    path: ["title"],
  },
  {
    description: "blank label",
    definition: formOf({ ...name, label: "" }),
    code: "missingText",
    path: ["pages", 0, "fields", 0, "label"],
  },
  {
    description: "blank heading text",
    definition: formOf(name, {
      id: "h",
      type: "heading",
      label: "H",
      text: "",
    }),
    code: "missingText",
    path: ["pages", 0, "fields", 1, "text"],
  },
  {
    description: "blank option value",
    definition: formOf(choice({ options: [{ value: " ", label: "A" }] })),
    code: "missingText",
    path: ["pages", 0, "fields", 0, "options", 0, "value"],
  },
  {
    description: "blank option label",
    definition: formOf(choice({ options: [{ value: "a", label: "" }] })),
    code: "missingText",
    path: ["pages", 0, "fields", 0, "options", 0, "label"],
  },
  {
    description: "duplicate page id",
    definition: {
      title: "Form",
      pages: [
        { id: "p1", title: "One", fields: [name] },
        { id: "p1", title: "Two", fields: [{ ...name, id: "other" }] },
      ],
    },
    code: "duplicatePageId",
    path: ["pages", 1, "id"],
  },
  {
    description: "duplicate field id across pages",
    definition: {
      title: "Form",
      pages: [
        { id: "p1", title: "One", fields: [name] },
        { id: "p2", title: "Two", fields: [name] },
      ],
    },
    code: "duplicateFieldId",
    path: ["pages", 1, "fields", 0, "id"],
  },
  {
    description: "duplicate option value",
    definition: formOf(
      choice({
        options: [
          { value: "a", label: "A" },
          { value: "a", label: "Also A" },
        ],
      }),
    ),
    code: "duplicateOptionValue",
    path: ["pages", 0, "fields", 0, "options", 1, "value"],
  },
  {
    description: "empty choice list",
    definition: formOf(choice({ options: [] })),
    code: "emptyOptions",
    path: ["pages", 0, "fields", 0, "options"],
  },
  {
    description: "page without fields",
    definition: {
      title: "Form",
      pages: [
        { id: "p1", title: "One", fields: [name] },
        { id: "p2", title: "Two", fields: [] },
      ],
    },
    code: "emptyPage",
    path: ["pages", 1, "fields"],
  },
  {
    description: "min above max",
    definition: formOf({ id: "n", type: "number", label: "N", min: 5, max: 1 }),
    code: "invalidRange",
    path: ["pages", 0, "fields", 0, "min"],
  },
  {
    description: "minDate after maxDate",
    definition: formOf({
      id: "d",
      type: "date",
      label: "D",
      minDate: "2020-02-01",
      maxDate: "2020-01-01",
    }),
    code: "invalidRange",
    path: ["pages", 0, "fields", 0, "minDate"],
  },
  {
    description: "minLength above maxLength",
    definition: formOf({ ...name, minLength: 10, maxLength: 5 }),
    code: "invalidRange",
    path: ["pages", 0, "fields", 0, "minLength"],
  },
  {
    description: "minSelected above maxSelected",
    definition: formOf(choice({ minSelected: 2, maxSelected: 1 })),
    code: "invalidRange",
    path: ["pages", 0, "fields", 0, "minSelected"],
  },
  {
    description: "minSelected above option count",
    definition: formOf(choice({ minSelected: 3 })),
    code: "invalidRange",
    path: ["pages", 0, "fields", 0, "minSelected"],
  },
  {
    description: "pattern that does not compile",
    definition: formOf({ ...name, pattern: "([a-z]" }),
    code: "invalidPattern",
    path: ["pages", 0, "fields", 0, "pattern"],
  },
  {
    description: "only static fields",
    definition: formOf({ id: "h", type: "heading", label: "H", text: "Hi" }),
    code: "noInputFields",
    path: ["pages"],
  },
  {
    description: "no pages",
    definition: { title: "Form", pages: [] },
    code: "noInputFields",
    path: ["pages"],
  },
  {
    description: "too many input fields",
    definition: {
      title: "Form",
      pages: [0, 1].map((page) => ({
        id: `p${page}`,
        title: "Page",
        fields: Array.from({ length: 101 }, (_, index) => ({
          id: `q${page}_${index}`,
          type: "yesNo",
          label: "Q",
        })),
      })),
    },
    code: "formTooLarge",
    path: ["pages"],
  },
  {
    description: "answers too large",
    definition: formOf(
      ...Array.from({ length: 51 }, (_, index) => ({
        id: `story${index}`,
        type: "longText" as const,
        label: "Story",
      })),
    ),
    code: "formTooLarge",
    path: ["pages"],
  },
  {
    description: "group without questions",
    definition: formOf(name, {
      id: "pets",
      type: "group",
      label: "Pets",
      itemLabel: "Pet",
      fields: [],
    }),
    code: "emptyGroup",
    path: ["pages", 0, "fields", 1, "fields"],
  },
  {
    description: "condition on missing field",
    definition: formOf({
      ...name,
      showIf: { field: "missing", op: "isEmpty" },
    }),
    code: "unknownLogicField",
    path: ["pages", 0, "fields", 0, "showIf", "field"],
  },
  {
    description: "condition value of wrong type",
    definition: formOf(
      { id: "smoker", type: "yesNo", label: "Smoker" },
      { ...name, showIf: { field: "smoker", op: "equals", value: 1 } },
    ),
    code: "invalidLogicValue",
    path: ["pages", 0, "fields", 1, "showIf"],
  },
  {
    description: "condition on itself",
    definition: formOf({ ...name, showIf: { field: "name", op: "isEmpty" } }),
    code: "logicCycle",
    path: ["pages", 0, "fields", 0, "showIf", "field"],
  },
  {
    description: "condition nested too deep",
    definition: formOf({
      ...name,
      showIf: { all: [{ all: [{ all: [{ all: [{ all: [] }] }] }] }] },
    }),
    code: "logicTooDeep",
    path: [
      "pages",
      0,
      "fields",
      0,
      "showIf",
      "all",
      0,
      "all",
      0,
      "all",
      0,
      "all",
      0,
    ],
  },
  {
    description: "translation of missing field",
    definition: {
      ...formOf(name),
      translations: { es: { fields: { gone: { label: "Nombre" } } } },
    },
    code: "unknownTranslation",
    path: ["translations", "es", "fields", "gone"],
  },
];

describe("validateDefinition", () => {
  test("minimal form is publishable", () => {
    expect(validateDefinition(formOf(name))).toEqual([]);
  });

  test.each(cases)("$description", ({ definition, code, path }) => {
    const problems = validateDefinition(definition);
    expect(problems.map((problem) => problem.code)).toContain(code);
    expect(problems.find((problem) => problem.code === code)?.path).toEqual(
      path,
    );
  });

  test.each(cases.filter((c) => c.code !== "invalidStructure"))(
    "$description reports one problem",
    ({ definition }) => {
      expect(validateDefinition(definition)).toHaveLength(1);
    },
  );

  test("cases produce every problem code", () => {
    const produced = new Set(cases.map((c) => c.code));
    const missing = DEFINITION_PROBLEM_CODES.filter((c) => !produced.has(c));
    expect(missing).toEqual([]);
  });

  test("49 long answers fit the budget", () => {
    const fields = Array.from({ length: 49 }, (_, index) => ({
      id: `story${index}`,
      type: "longText" as const,
      label: "Story",
    }));
    expect(validateDefinition(formOf(...fields))).toEqual([]);
  });
});
