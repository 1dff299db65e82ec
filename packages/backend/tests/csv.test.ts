import type { FormDefinition } from "@intake/form-schema";
import { describe, expect, test } from "vitest";
import {
  csvCell,
  csvHeader,
  exportColumns,
  flattenAnswer,
  submissionCsvRow,
} from "../convex/lib/csv";
import { answerStorageIds } from "../convex/lib/submission-files";

const version1 = {
  title: "Intake",
  pages: [
    {
      id: "p1",
      title: "About",
      fields: [
        { type: "shortText", id: "name", label: "Name" },
        {
          type: "singleChoice",
          id: "visit",
          label: "Visit",
          options: [
            { value: "new", label: "New patient" },
            { value: "follow", label: "Follow-up" },
          ],
        },
      ],
    },
  ],
} as unknown as FormDefinition;

const version2 = {
  ...version1,
  pages: [
    {
      id: "p1",
      title: "About",
      fields: [
        { type: "shortText", id: "name", label: "Full name" },
        { type: "consent", id: "terms", label: "Terms" },
      ],
    },
  ],
} as unknown as FormDefinition;

describe("csvCell", () => {
  test.each([
    { text: "plain", expected: "plain" },
    { text: "=SUM(A1:A2)", expected: "'=SUM(A1:A2)" },
    { text: "+1", expected: "'+1" },
    { text: "-5", expected: "'-5" },
    { text: "@cmd", expected: "'@cmd" },
    { text: "\tx", expected: "'\tx" },
    { text: 'say "hi"', expected: '"say ""hi"""' },
    { text: "a,b", expected: '"a,b"' },
    { text: "two\nlines", expected: '"two\nlines"' },
    { text: "=1,2", expected: `"'=1,2"` },
    { text: "", expected: "" },
  ])("encodes $text", ({ text, expected }) => {
    expect(csvCell(text)).toBe(expected);
  });
});

describe("exportColumns", () => {
  test("unions fields newest label first", () => {
    expect(exportColumns([version2, version1])).toEqual([
      { fieldId: "name", label: "Full name" },
      { fieldId: "terms", label: "Terms" },
      { fieldId: "visit", label: "Visit" },
    ]);
  });
});

describe("flattenAnswer", () => {
  test.each([
    { name: "true", value: true, expected: "Yes" },
    { name: "false", value: false, expected: "No" },
    { name: "number", value: 42, expected: "42" },
    { name: "list", value: ["a", "b"], expected: "a; b" },
    { name: "missing", value: undefined, expected: "" },
    {
      name: "address",
      value: {
        line1: "1 Main St",
        city: "Springfield",
        region: "OR",
        postalCode: "97477",
      },
      expected: "1 Main St, Springfield, OR, 97477",
    },
    {
      name: "signature",
      value: { width: 10, height: 10, strokes: [[1, 1, 2, 2]] },
      expected: "Signed",
    },
    {
      name: "typed signature",
      value: { typedName: "Ana López" },
      expected: "Typed signature: Ana López",
    },
    {
      name: "blank typed signature",
      value: { typedName: "  " },
      expected: "",
    },
    {
      name: "signature without strokes",
      value: { width: 10, height: 10, strokes: [] },
      expected: "",
    },
    {
      name: "file",
      value: {
        storageId: "s1",
        name: "card.jpg",
        contentType: "image/jpeg",
        size: 5,
      },
      expected: "card.jpg",
    },
    {
      name: "group",
      value: [{ pet: "Rex" }, { pet: "Tom" }],
      expected: "Rex; Tom",
    },
  ])("flattens $name", ({ value, expected }) => {
    expect(flattenAnswer(value)).toBe(expected);
  });

  test("uses option labels", () => {
    const field = version1.pages[0]!.fields[1] as never;
    expect(flattenAnswer("follow", field)).toBe("Follow-up");
  });
});

describe("submissionCsvRow", () => {
  test("writes header and one row", () => {
    const columns = exportColumns([version2, version1]);
    const fields = new Map(
      version1.pages[0]!.fields.map((field) => [field.id, field as never]),
    );
    const row = submissionCsvRow(
      {
        reference: "ABC234",
        version: 1,
        submittedAt: Date.UTC(2026, 4, 1, 9, 30),
        reviewedAt: null,
        answers: { name: "=HYPERLINK(1)", visit: "new" },
      },
      columns,
      fields,
    );
    expect(csvHeader(columns)).toBe(
      "Reference,Submitted at,Status,Version,Full name,Terms,Visit\r\n",
    );
    expect(row).toBe(
      "ABC234,2026-05-01T09:30:00.000Z,New,1,'=HYPERLINK(1),,New patient\r\n",
    );
  });
});

describe("answerStorageIds", () => {
  test("finds files in groups", () => {
    const answers = {
      name: "Ada",
      card: {
        storageId: "s1",
        name: "a.png",
        contentType: "image/png",
        size: 1,
      },
      pets: [
        {
          photo: {
            storageId: "s2",
            name: "b.png",
            contentType: "image/png",
            size: 1,
          },
        },
      ],
    };
    expect(answerStorageIds(answers)).toEqual(["s1", "s2"]);
  });
});
