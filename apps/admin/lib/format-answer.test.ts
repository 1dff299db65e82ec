import type { Field, FormDefinition } from "@intake/form-schema";
import {
  inputFields,
  newPatientSampleAnswers,
  newPatientTemplate,
} from "@intake/form-schema";
import { describe, expect, test } from "vitest";

import { NOT_ANSWERED, answerSections, formatAnswer } from "./format-answer";

const options = [
  { value: "text", label: "Text message" },
  { value: "email", label: "Email" },
];

const fields = {
  shortText: { id: "city", type: "shortText", label: "City" },
  number: { id: "age", type: "number", label: "Age" },
  singleChoice: {
    id: "contact",
    type: "singleChoice",
    label: "Contact",
    options,
  },
  multipleChoice: {
    id: "channels",
    type: "multipleChoice",
    label: "Channels",
    options,
  },
  yesNo: { id: "smoker", type: "yesNo", label: "Do you smoke?" },
  consent: {
    id: "privacy",
    type: "consent",
    label: "Privacy",
    statement: "I agree.",
  },
} satisfies Record<string, Field>;

describe("formatAnswer", () => {
  test.each([
    {
      description: "text",
      field: fields.shortText,
      value: "Springfield",
      expected: "Springfield",
    },
    {
      description: "markup stays text",
      field: fields.shortText,
      value: "<b>x</b>",
      expected: "<b>x</b>",
    },
    {
      description: "missing",
      field: fields.shortText,
      value: undefined,
      expected: NOT_ANSWERED,
    },
    {
      description: "blank",
      field: fields.shortText,
      value: "  ",
      expected: NOT_ANSWERED,
    },
    { description: "zero", field: fields.number, value: 0, expected: "0" },
    {
      description: "choice label",
      field: fields.singleChoice,
      value: "text",
      expected: "Text message",
    },
    {
      description: "unknown choice",
      field: fields.singleChoice,
      value: "fax",
      expected: "fax",
    },
    {
      description: "several choices",
      field: fields.multipleChoice,
      value: ["email", "text"],
      expected: "Email, Text message",
    },
    {
      description: "no choices",
      field: fields.multipleChoice,
      value: [],
      expected: NOT_ANSWERED,
    },
    { description: "yes", field: fields.yesNo, value: true, expected: "Yes" },
    { description: "no", field: fields.yesNo, value: false, expected: "No" },
    {
      description: "consent given",
      field: fields.consent,
      value: true,
      expected: "Accepted",
    },
    {
      description: "consent refused",
      field: fields.consent,
      value: false,
      expected: "Not accepted",
    },
  ])("$description", ({ field, value, expected }) => {
    expect(formatAnswer(field, value)).toBe(expected);
  });
});

describe("answerSections", () => {
  const definition: FormDefinition = {
    title: "Visit",
    pages: [
      {
        id: "about",
        title: "About you",
        fields: [
          { id: "intro", type: "heading", label: "Intro", text: "Welcome" },
          fields.shortText,
          fields.singleChoice,
        ],
      },
      { id: "habits", title: "Habits", fields: [fields.yesNo] },
    ],
  };

  test("labels from the definition", () => {
    const sections = answerSections(definition, {
      city: "Springfield",
      contact: "email",
      smoker: false,
    });
    expect(sections).toEqual([
      {
        pageId: "about",
        title: "About you",
        rows: [
          { fieldId: "city", label: "City", text: "Springfield" },
          { fieldId: "contact", label: "Contact", text: "Email" },
        ],
      },
      {
        pageId: "habits",
        title: "Habits",
        rows: [{ fieldId: "smoker", label: "Do you smoke?", text: "No" }],
      },
    ]);
  });

  test("template sample covers every input field", () => {
    const { definition: template } = newPatientTemplate;
    const rows = answerSections(template, newPatientSampleAnswers).flatMap(
      (section) => section.rows,
    );
    expect(rows.map((row) => row.fieldId)).toEqual(
      inputFields(template).map((field) => field.id),
    );
    expect(rows.find((row) => row.fieldId === "firstName")?.text).toBe("Maria");
  });
});
