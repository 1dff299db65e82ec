import type { AnswerValue, InputField } from "@intake/form-schema";
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

test.each<{ field: InputField; value: AnswerValue; expected: string }>([
  {
    field: { type: "address", id: "f", label: "F" },
    value: {
      line1: "1 Elm St",
      line2: "Apt 2",
      city: "Springfield",
      region: "IL",
      postalCode: "62701",
    },
    expected: "1 Elm St\nApt 2\nSpringfield, IL 62701",
  },
  {
    field: { type: "signature", id: "f", label: "F" },
    value: { width: 300, height: 150, strokes: [[1, 1, 2, 2]] },
    expected: "Signed",
  },
  {
    field: { type: "signature", id: "f", label: "F" },
    value: { typedName: " Ana López " },
    expected: "Signed with typed name: Ana López",
  },
  {
    field: { type: "file", id: "f", label: "F", accept: ["image/png"] },
    value: {
      storageId: "s1",
      name: "card.png",
      contentType: "image/png",
      size: 1536,
    },
    expected: "card.png (1.5 kB)",
  },
])("answerText of $field.type", ({ field, value, expected }) => {
  expect(answerText(field, value)).toBe(expected);
});
