// Zod-free, so code that only sorts fields, such as the patient app's
// renderer, can use these without bundling zod.
import type { Field, FieldType, InputField } from ".";

/** Field types that show content and take no answer. */
export const STATIC_FIELD_TYPES = ["heading", "paragraph"] as const;

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
  "address",
  "signature",
  "file",
  "group",
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
