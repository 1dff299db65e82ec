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
          {
            fieldId: "city",
            label: "City",
            text: "Springfield",
            type: "shortText",
            value: "Springfield",
          },
          {
            fieldId: "contact",
            label: "Contact",
            text: "Email",
            type: "singleChoice",
            value: "email",
          },
        ],
      },
      {
        pageId: "habits",
        title: "Habits",
        rows: [
          {
            fieldId: "smoker",
            label: "Do you smoke?",
            text: "No",
            type: "yesNo",
            value: false,
          },
        ],
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

describe("answerSections structured answers", () => {
  const definition = {
    title: "Vet",
    pages: [
      {
        id: "p1",
        title: "Owner",
        fields: [
          { type: "address", id: "home", label: "Home" },
          { type: "signature", id: "sign", label: "Signature" },
          {
            type: "group",
            id: "pets",
            label: "Pets",
            itemLabel: "Pet",
            fields: [{ type: "shortText", id: "name", label: "Name" }],
          },
        ],
      },
    ],
  } as unknown as FormDefinition;

  test("flattens address and signature", () => {
    const [section] = answerSections(definition, {
      home: {
        line1: "1 Main St",
        city: "Salem",
        region: "OR",
        postalCode: "97301",
      },
      sign: { width: 10, height: 10, strokes: [[1, 1, 2, 2]] },
    } as never);
    expect(section?.rows[0]?.text).toBe("1 Main St, Salem, OR, 97301");
    expect(section?.rows[1]?.text).toBe("Signed");
    expect(section?.rows[1]?.type).toBe("signature");
  });

  test("names a typed signature", () => {
    const [section] = answerSections(definition, {
      sign: { typedName: "Ana López" },
    });
    expect(section?.rows[1]?.text).toBe("Typed signature: Ana López");
    expect(section?.rows[1]?.value).toEqual({ typedName: "Ana López" });
  });

  test("blank typed signature is not answered", () => {
    const [section] = answerSections(definition, { sign: { typedName: " " } });
    expect(section?.rows[1]?.text).toBe(NOT_ANSWERED);
  });

  test("lists group items", () => {
    const [section] = answerSections(definition, {
      pets: [{ name: "Rex" }, { name: "Tom" }],
    } as never);
    const items = section?.rows[2]?.items;
    expect(items?.map((item) => item.label)).toEqual(["Pet 1", "Pet 2"]);
    expect(items?.[1]?.rows[0]?.text).toBe("Tom");
  });
});
