import { z } from "zod";

import {
  choiceOptionSchema,
  multipleChoiceFieldSchema,
  singleChoiceFieldSchema,
  yesNoFieldSchema,
} from "./choice";
import { consentFieldSchema } from "./consent";
import { dateFieldSchema } from "./date";
import { numberFieldSchema } from "./number";
import { headingFieldSchema, paragraphFieldSchema } from "./static";
import {
  emailFieldSchema,
  longTextFieldSchema,
  phoneFieldSchema,
  shortTextFieldSchema,
} from "./text";

/** One form field, discriminated on `type`. */
export const fieldSchema = z.discriminatedUnion("type", [
  shortTextFieldSchema,
  longTextFieldSchema,
  emailFieldSchema,
  phoneFieldSchema,
  dateFieldSchema,
  numberFieldSchema,
  singleChoiceFieldSchema,
  multipleChoiceFieldSchema,
  yesNoFieldSchema,
  consentFieldSchema,
  headingFieldSchema,
  paragraphFieldSchema,
]);

/** One form field, discriminated on `type`. */
export type Field = z.infer<typeof fieldSchema>;

/** The `type` of a field. */
export type FieldType = Field["type"];

/** A choice option of a singleChoice or multipleChoice field. */
export type ChoiceOption = z.infer<typeof choiceOptionSchema>;

/** Field types that show content and take no answer. */
export const STATIC_FIELD_TYPES = ["heading", "paragraph"] as const;

/** A field that shows content and takes no answer. */
export type StaticField = Extract<
  Field,
  { type: (typeof STATIC_FIELD_TYPES)[number] }
>;

/** A field that takes an answer. */
export type InputField = Exclude<Field, StaticField>;

/** The `type` of a field that takes an answer. */
export type InputFieldType = InputField["type"];

/** Every field type, in the order a field picker lists them. */
export const FIELD_TYPES = [
  "shortText",
  "longText",
  "email",
  "phone",
  "date",
  "number",
  "singleChoice",
  "multipleChoice",
  "yesNo",
  "consent",
  "heading",
  "paragraph",
] as const satisfies readonly FieldType[];

// Fails to compile when a field type is missing from FIELD_TYPES.
const _everyFieldTypeListed: [
  Exclude<FieldType, (typeof FIELD_TYPES)[number]>,
] extends [never]
  ? true
  : false = true;

/** Checks whether a field takes an answer. */
export function isInputField(field: Field): field is InputField {
  return field.type !== "heading" && field.type !== "paragraph";
}
