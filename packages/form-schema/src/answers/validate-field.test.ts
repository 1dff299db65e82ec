import { describe, expect, test } from "vitest";

import type { Field } from "../fields";
import { FIELD_ERROR_CODES, type FieldErrorCode } from "../rules/field-error";
import { structuredCases } from "./structured-cases";
import { failingStringRule, validateField } from "./validate-field";

type Case = {
  description: string;
  field: Field;
  value: unknown;
  code: FieldErrorCode | null;
};

const shortText: Field = { id: "name", type: "shortText", label: "Name" };
const requiredText: Field = { ...shortText, required: true };
const ruledText: Field = {
  id: "code",
  type: "shortText",
  label: "Code",
  minLength: 3,
  maxLength: 5,
  pattern: "[A-Z]+",
  patternMessage: "Use capital letters.",
};
const longText: Field = { id: "story", type: "longText", label: "Story" };
const email: Field = { id: "email", type: "email", label: "Email" };
const phone: Field = { id: "phone", type: "phone", label: "Phone" };
const date: Field = {
  id: "visit",
  type: "date",
  label: "Visit",
  minDate: "2020-01-01",
  maxDate: "2020-12-31",
};
const age: Field = {
  id: "age",
  type: "number",
  label: "Age",
  min: 0,
  max: 120,
  integer: true,
};
const colors = [
  { value: "red", label: "Red" },
  { value: "blue", label: "Blue" },
  { value: "green", label: "Green" },
];
const single: Field = {
  id: "color",
  type: "singleChoice",
  label: "Color",
  options: colors,
};
const multiple: Field = {
  id: "colors",
  type: "multipleChoice",
  label: "Colors",
  options: colors,
  minSelected: 2,
  maxSelected: 2,
};
const yesNo: Field = { id: "smokes", type: "yesNo", label: "Smokes" };
const consent: Field = {
  id: "agree",
  type: "consent",
  label: "Agree",
  required: true,
};
const heading: Field = {
  id: "title",
  type: "heading",
  label: "Title",
  text: "About you",
};

const textCases: Case[] = [
  {
    description: "optional text missing",
    field: shortText,
    value: undefined,
    code: null,
  },
  {
    description: "optional text empty",
    field: shortText,
    value: "",
    code: null,
  },
  {
    description: "required text missing",
    field: requiredText,
    value: undefined,
    code: "required",
  },
  {
    description: "required text empty",
    field: requiredText,
    value: "",
    code: "required",
  },
  {
    description: "required text blank",
    field: requiredText,
    value: "  \t",
    code: "required",
  },
  {
    description: "text as number",
    field: shortText,
    value: 12,
    code: "invalidType",
  },
  {
    description: "text as null",
    field: shortText,
    value: null,
    code: "invalidType",
  },
  {
    description: "short text default cap",
    field: shortText,
    value: "a".repeat(501),
    code: "tooLong",
  },
  {
    description: "short text at cap",
    field: shortText,
    value: "a".repeat(500),
    code: null,
  },
  {
    description: "short text line break",
    field: shortText,
    value: "a\nb",
    code: "invalidFormat",
  },
  {
    description: "long text default cap",
    field: longText,
    value: "a".repeat(5001),
    code: "tooLong",
  },
  {
    description: "long text line break",
    field: longText,
    value: "a\nb",
    code: null,
  },
  {
    description: "text below minLength",
    field: ruledText,
    value: "AB",
    code: "tooShort",
  },
  {
    description: "text above maxLength",
    field: ruledText,
    value: "ABCDEF",
    code: "tooLong",
  },
  {
    description: "text off pattern",
    field: ruledText,
    value: "ABc",
    code: "invalidFormat",
  },
  {
    description: "pattern is anchored",
    field: ruledText,
    value: "1ABC",
    code: "invalidFormat",
  },
  {
    description: "text on pattern",
    field: ruledText,
    value: "ABCD",
    code: null,
  },
];

const formatCases: Case[] = [
  {
    description: "email valid",
    field: email,
    value: "ana@example.com",
    code: null,
  },
  {
    description: "email with spaces around",
    field: email,
    value: " ana@example.com ",
    code: null,
  },
  {
    description: "email without domain",
    field: email,
    value: "ana@",
    code: "invalidEmail",
  },
  {
    description: "email without at",
    field: email,
    value: "ana.example.com",
    code: "invalidEmail",
  },
  {
    description: "email over cap",
    field: email,
    value: `${"a".repeat(250)}@b.co`,
    code: "invalidEmail",
  },
  {
    description: "phone valid",
    field: phone,
    value: "+1 (555) 123-4567",
    code: null,
  },
  {
    description: "phone too few digits",
    field: phone,
    value: "555 12",
    code: "invalidPhone",
  },
  {
    description: "phone too many digits",
    field: phone,
    value: "1234567890123456",
    code: "invalidPhone",
  },
  {
    description: "phone with letters",
    field: phone,
    value: "555 CALL NOW",
    code: "invalidPhone",
  },
  {
    description: "phone plus inside",
    field: phone,
    value: "555+1234567",
    code: "invalidPhone",
  },
  { description: "date valid", field: date, value: "2020-02-29", code: null },
  {
    description: "date impossible day",
    field: date,
    value: "2021-02-29",
    code: "invalidDate",
  },
  {
    description: "date wrong format",
    field: date,
    value: "02/03/2020",
    code: "invalidDate",
  },
  {
    description: "date month 13",
    field: date,
    value: "2020-13-01",
    code: "invalidDate",
  },
  {
    description: "date before minDate",
    field: date,
    value: "2019-12-31",
    code: "outOfRange",
  },
  {
    description: "date after maxDate",
    field: date,
    value: "2021-01-01",
    code: "outOfRange",
  },
  {
    description: "date on maxDate",
    field: date,
    value: "2020-12-31",
    code: null,
  },
];

const numberCases: Case[] = [
  { description: "number valid", field: age, value: 42, code: null },
  { description: "number zero", field: age, value: 0, code: null },
  {
    description: "number as string",
    field: age,
    value: "42",
    code: "invalidType",
  },
  {
    description: "number NaN",
    field: age,
    value: Number.NaN,
    code: "invalidType",
  },
  {
    description: "number Infinity",
    field: age,
    value: Infinity,
    code: "invalidType",
  },
  {
    description: "number fractional",
    field: age,
    value: 4.5,
    code: "invalidFormat",
  },
  {
    description: "number below min",
    field: age,
    value: -1,
    code: "outOfRange",
  },
  {
    description: "number above max",
    field: age,
    value: 121,
    code: "outOfRange",
  },
];

const choiceCases: Case[] = [
  {
    description: "single option valid",
    field: single,
    value: "red",
    code: null,
  },
  {
    description: "single option unknown",
    field: single,
    value: "pink",
    code: "invalidOption",
  },
  {
    description: "single option label",
    field: single,
    value: "Red",
    code: "invalidOption",
  },
  {
    description: "single option as list",
    field: single,
    value: ["red"],
    code: "invalidType",
  },
  {
    description: "multiple valid",
    field: multiple,
    value: ["red", "blue"],
    code: null,
  },
  {
    description: "multiple empty optional",
    field: multiple,
    value: [],
    code: null,
  },
  {
    description: "multiple as string",
    field: multiple,
    value: "red",
    code: "invalidType",
  },
  {
    description: "multiple non-string item",
    field: multiple,
    value: ["red", 1],
    code: "invalidType",
  },
  {
    description: "multiple unknown option",
    field: multiple,
    value: ["red", "pink"],
    code: "invalidOption",
  },
  {
    description: "multiple duplicate",
    field: multiple,
    value: ["red", "red"],
    code: "invalidOption",
  },
  {
    description: "multiple over options",
    field: multiple,
    value: ["red", "blue", "green", "red"],
    code: "invalidOption",
  },
  {
    description: "multiple below minSelected",
    field: multiple,
    value: ["red"],
    code: "tooShort",
  },
  {
    description: "multiple above maxSelected",
    field: multiple,
    value: ["red", "blue", "green"],
    code: "tooLong",
  },
  { description: "yesNo false", field: yesNo, value: false, code: null },
  {
    description: "yesNo as string",
    field: yesNo,
    value: "yes",
    code: "invalidType",
  },
  { description: "consent true", field: consent, value: true, code: null },
  {
    description: "consent false",
    field: consent,
    value: false,
    code: "notAccepted",
  },
  {
    description: "consent missing",
    field: consent,
    value: undefined,
    code: "notAccepted",
  },
  {
    description: "optional consent false",
    field: { ...consent, required: false },
    value: false,
    code: null,
  },
  {
    description: "heading without answer",
    field: heading,
    value: undefined,
    code: null,
  },
  {
    description: "heading with answer",
    field: heading,
    value: "x",
    code: "unknownField",
  },
];

const allCases = [
  ...textCases,
  ...formatCases,
  ...numberCases,
  ...choiceCases,
  ...structuredCases,
];

describe("validateField", () => {
  test.each(allCases)("$description", ({ field, value, code }) => {
    const error = validateField(field, value);
    expect(error?.code ?? null).toBe(code);
  });

  test.each(allCases.filter((c) => c.code !== null))(
    "$description has a message",
    ({ field, value }) => {
      const message = validateField(field, value)?.message ?? "";
      expect(message).toMatch(/^[A-Z].*\.$/);
    },
  );

  test("cases produce every error code", () => {
    const produced = new Set(allCases.map((c) => c.code));
    // "tooLarge" comes from the size check of a whole submission.
    const missing = FIELD_ERROR_CODES.filter(
      (code) => code !== "tooLarge" && !produced.has(code),
    );
    expect(missing).toEqual([]);
  });

  test.each([
    { value: "ABC", expected: null },
    { value: "abc", expected: "pattern" },
    { value: "A", expected: "minLength" },
    { value: "ABCDEF", expected: "maxLength" },
    { value: "A\nB", expected: "singleLine" },
    { value: "", expected: null },
    { value: 42, expected: null },
  ])("failingStringRule of $value", ({ value, expected }) => {
    expect(failingStringRule(ruledText, value)).toBe(expected);
  });

  test("failingStringRule of email and number", () => {
    expect(failingStringRule(email, "not an email")).toBe("email");
    expect(failingStringRule(age, "12")).toBeNull();
  });

  test("pattern message overrides default", () => {
    expect(validateField(ruledText, "abc")?.message).toBe(
      "Use capital letters.",
    );
  });

  test("range message names both bounds", () => {
    expect(validateField(age, 200)?.message).toBe(
      "Enter a number from 0 to 120.",
    );
  });

  test("date range message is readable", () => {
    expect(validateField(date, "2019-01-01")?.message).toBe(
      "Enter a date from January 1, 2020 to December 31, 2020.",
    );
  });

  test("invalid pattern is skipped", () => {
    const field: Field = { ...shortText, pattern: "(" };
    expect(validateField(field, "anything")).toBeNull();
  });

  test("maxLength above cap is capped", () => {
    const field = { ...shortText, maxLength: 10_000 } as Field;
    expect(validateField(field, "a".repeat(501))?.code).toBe("tooLong");
  });
});
