import { z } from "zod";

import { choiceOptionSchema } from "./choice";
import { groupFieldSchema } from "./group";
import { itemFieldSchema, itemFieldSchemas } from "./item";
import type { STATIC_FIELD_TYPES } from "./field-types";

export { FIELD_TYPES, STATIC_FIELD_TYPES, isInputField } from "./field-types";

/** One form field, discriminated on `type`. */
export const fieldSchema = z.discriminatedUnion("type", [
  ...itemFieldSchemas,
  groupFieldSchema,
]);

/** One form field, discriminated on `type`. */
export type Field = z.infer<typeof fieldSchema>;

/** The `type` of a field. */
export type FieldType = Field["type"];

/** A field allowed inside a repeating group: any field but a group. */
export type ItemField = z.infer<typeof itemFieldSchema>;

/** A repeating group field. */
export type GroupField = z.infer<typeof groupFieldSchema>;

/** An address field. */
export type AddressField = Extract<Field, { type: "address" }>;

/** A signature field. */
export type SignatureField = Extract<Field, { type: "signature" }>;

/** A file upload field. */
export type FileField = Extract<Field, { type: "file" }>;

/** A choice option of a singleChoice or multipleChoice field. */
export type ChoiceOption = z.infer<typeof choiceOptionSchema>;

/** A field that shows content and takes no answer. */
export type StaticField = Extract<
  Field,
  { type: (typeof STATIC_FIELD_TYPES)[number] }
>;

/** A field that takes an answer. */
export type InputField = Exclude<Field, StaticField>;

/** The `type` of a field that takes an answer. */
export type InputFieldType = InputField["type"];

/** A field inside a repeating group that takes an answer. */
export type ItemInputField = Exclude<ItemField, StaticField>;
