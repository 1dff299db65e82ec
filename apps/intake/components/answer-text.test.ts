import type { InputField } from "@intake/form-schema";
import { expect, test } from "vitest";

import { answerText } from "./answer-text";
import { MESSAGES } from "./i18n/messages";

const options = [
  { value: "a", label: "Aspirin" },
  { value: "p", label: "Penicillin" },
];

test.each<{
  field: InputField;
  value: string | number | boolean | string[];
  expected: string;
}>([
  {
    field: { type: "shortText", id: "f", label: "F" },
    value: "Ana",
    expected: "Ana",
  },
  { field: { type: "number", id: "f", label: "F" }, value: 42, expected: "42" },
  {
    field: { type: "yesNo", id: "f", label: "F" },
    value: false,
    expected: "No",
  },
  {
    field: { type: "consent", id: "f", label: "F" },
    value: true,
    expected: "Agreed",
  },
  {
    field: { type: "singleChoice", id: "f", label: "F", options },
    value: "p",
    expected: "Penicillin",
  },
  {
    field: { type: "multipleChoice", id: "f", label: "F", options },
    value: ["a", "p"],
    expected: "Aspirin, Penicillin",
  },
  {
    field: { type: "singleChoice", id: "f", label: "F", options },
    value: "gone",
    expected: "gone",
  },
])("answerText of $field.type $value", ({ field, value, expected }) => {
  expect(answerText(field, value)).toBe(expected);
});

test.each([
  { value: true, expected: "Sí" },
  { value: false, expected: "No" },
])("answerText of yesNo $value in Spanish", ({ value, expected }) => {
  const field: InputField = { type: "yesNo", id: "f", label: "F" };
  expect(answerText(field, value, MESSAGES.es.review)).toBe(expected);
});
