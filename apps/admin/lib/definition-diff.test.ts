import type { Field, FormDefinition } from "@intake/form-schema";
import { describe, expect, test } from "vitest";

import {
  describeChange,
  describeCondition,
  diffDefinitions,
  type DefinitionChange,
} from "./definition-diff";

const name: Field = { id: "name", type: "shortText", label: "Name" };
const smoker: Field = { id: "smoker", type: "yesNo", label: "Smoker" };
const pick: Field = {
  id: "pick",
  type: "singleChoice",
  label: "Pick",
  options: [
    { value: "a", label: "A" },
    { value: "b", label: "B" },
  ],
};

function form(...pages: Field[][]): FormDefinition {
  return {
    title: "Form",
    pages: pages.map((fields, index) => ({
      id: `p${index + 1}`,
      title: `Page ${index + 1}`,
      fields,
    })),
  };
}

function kinds(changes: DefinitionChange[]): string[] {
  return changes.map((change) => change.kind);
}

describe("diffDefinitions", () => {
  test("equal definitions have no changes", () => {
    expect(diffDefinitions(form([name, pick]), form([name, pick]))).toEqual([]);
  });

  test.each([
    {
      case: "field added",
      before: form([name]),
      after: form([name, smoker]),
      expected: ["fieldAdded"],
    },
    {
      case: "field removed",
      before: form([name, smoker]),
      after: form([name]),
      expected: ["fieldRemoved"],
    },
    {
      case: "fields reordered",
      before: form([name, smoker]),
      after: form([smoker, name]),
      expected: ["fieldsReordered"],
    },
    {
      case: "field moved to another page",
      before: form([name, smoker], []),
      after: form([name], [smoker]),
      expected: ["fieldMoved"],
    },
    {
      case: "page added",
      before: form([name]),
      after: form([name], [smoker]),
      expected: ["pageAdded", "fieldAdded"],
    },
  ])("reports $case", ({ before, after, expected }) => {
    expect(kinds(diffDefinitions(before, after))).toEqual(expected);
  });

  test("reports a changed label", () => {
    const changes = diffDefinitions(
      form([name]),
      form([{ ...name, label: "Full name" }]),
    );
    expect(changes).toEqual([
      {
        kind: "fieldChanged",
        fieldId: "name",
        label: "Full name",
        property: "label",
        before: "Name",
        after: "Full name",
      },
    ]);
  });

  test("reports required turned on", () => {
    const [change] = diffDefinitions(
      form([name]),
      form([{ ...name, required: true }]),
    );
    expect(change).toMatchObject({
      kind: "fieldChanged",
      property: "required",
      before: undefined,
      after: true,
    });
  });

  test("reports option changes", () => {
    const after: Field = {
      ...pick,
      options: [
        { value: "b", label: "Bee" },
        { value: "a", label: "A" },
        { value: "c", label: "C" },
      ],
    };
    expect(kinds(diffDefinitions(form([pick]), form([after])))).toEqual([
      "optionRelabelled",
      "optionAdded",
      "optionsReordered",
    ]);
  });

  test("reports an option removed", () => {
    const after: Field = { ...pick, options: [{ value: "a", label: "A" }] };
    const [change] = diffDefinitions(form([pick]), form([after]));
    expect(change).toMatchObject({ kind: "optionRemoved", option: "B" });
  });

  test("reports logic added", () => {
    const withLogic = {
      ...name,
      showIf: { field: "smoker", op: "equals", value: true },
    } as Field;
    const [change] = diffDefinitions(
      form([smoker, name]),
      form([smoker, withLogic]),
    );
    expect(change).toEqual({
      kind: "logicChanged",
      fieldId: "name",
      label: "Name",
      property: "showIf",
      before: null,
      after: '"Smoker" is true',
    });
  });

  test("reports page renamed and title changed", () => {
    const after = { ...form([name]), title: "New" };
    after.pages[0] = { ...after.pages[0]!, title: "Intro" };
    expect(kinds(diffDefinitions(form([name]), after))).toEqual([
      "titleChanged",
      "pageRenamed",
    ]);
  });

  test("reports pages reordered", () => {
    const before = form([name], [smoker]);
    const after = { ...before, pages: [before.pages[1]!, before.pages[0]!] };
    expect(kinds(diffDefinitions(before, after))).toEqual(["pagesReordered"]);
  });
});

describe("describeCondition", () => {
  const labels = new Map([
    ["smoker", "Smoker"],
    ["age", "Age"],
  ]);

  test.each([
    {
      condition: { field: "age", op: "greaterThan", value: 60 },
      text: '"Age" is greater than 60',
    },
    { condition: { field: "age", op: "isEmpty" }, text: '"Age" is empty' },
    {
      condition: {
        all: [
          { field: "smoker", op: "equals", value: true },
          { any: [{ field: "age", op: "isNotEmpty" }] },
        ],
      },
      text: '("Smoker" is true and "Age" is not empty)',
    },
    {
      condition: { field: "gone", op: "equals", value: "x" },
      text: '"gone" is "x"',
    },
  ])("describes $text", ({ condition, text }) => {
    expect(describeCondition(condition, labels)).toBe(text);
  });
});

describe("describeChange", () => {
  test.each<[DefinitionChange, string]>([
    [
      { kind: "fieldAdded", fieldId: "a", label: "Age", page: "About" },
      'Field "Age" added to "About".',
    ],
    [
      {
        kind: "fieldChanged",
        fieldId: "a",
        label: "Age",
        property: "label",
        before: "Years",
        after: "Age",
      },
      'Field "Age": label changed from "Years" to "Age".',
    ],
    [
      {
        kind: "logicChanged",
        fieldId: "a",
        label: "Age",
        property: "showIf",
        before: '"Smoker" is true',
        after: null,
      },
      'Field "Age": rule "Show when "Smoker" is true" removed.',
    ],
  ])("describes %j", (change, text) => {
    expect(describeChange(change)).toBe(text);
  });
});
