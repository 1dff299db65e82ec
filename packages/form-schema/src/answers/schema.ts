import { z } from "zod";

import { fieldIdSchema } from "../fields/common";
import { LIMITS } from "../fields/limits";

/**
 * An address answer. Every part is free text, apart from the postal code's
 * format, which the field's rules check.
 */
export const addressAnswerSchema = z.strictObject({
  line1: z.string().max(LIMITS.addressPartLength),
  line2: z.string().max(LIMITS.addressPartLength).optional(),
  city: z.string().max(LIMITS.addressPartLength),
  region: z.string().max(LIMITS.addressPartLength),
  postalCode: z.string().max(LIMITS.postalCodeMaxLength),
});

/** A postal address answer. */
export type AddressAnswer = z.infer<typeof addressAnswerSchema>;

/**
 * A signature answer: the canvas size and its strokes, each a flat list
 * x0, y0, x1, y1, ... in canvas pixels.
 */
export const signatureAnswerSchema = z.strictObject({
  width: z.number().positive().max(LIMITS.signatureCanvasSize),
  height: z.number().positive().max(LIMITS.signatureCanvasSize),
  strokes: z
    .array(z.array(z.number()).max(LIMITS.signaturePoints * 2))
    .max(LIMITS.signatureStrokes),
});

/** A drawn signature answer. */
export type SignatureAnswer = z.infer<typeof signatureAnswerSchema>;

/**
 * A typed signature answer: the name the patient typed in place of
 * drawing, for patients who cannot use a pointer. The signature rule
 * checks its text.
 */
export const typedSignatureAnswerSchema = z.strictObject({
  typedName: z.string().max(LIMITS.typedSignatureLength),
});

/** A typed signature answer. */
export type TypedSignatureAnswer = z.infer<typeof typedSignatureAnswerSchema>;

/** A file answer: the stored upload and what the browser reported about it. */
export const fileAnswerSchema = z.strictObject({
  storageId: z.string().min(1).max(LIMITS.fileTokenLength),
  name: z.string().max(LIMITS.fileNameLength),
  contentType: z.string().max(LIMITS.fileTokenLength),
  size: z.int().min(0).max(LIMITS.fileSizeBytes),
});

/** An uploaded file answer. */
export type FileAnswer = z.infer<typeof fileAnswerSchema>;

/** Schemas of every answer that may appear inside a group item. */
const itemAnswerSchemas = [
  z.string().max(LIMITS.longTextLength),
  z.number(),
  z.boolean(),
  z.array(z.string().max(LIMITS.optionValueLength)).max(LIMITS.options),
  addressAnswerSchema,
  signatureAnswerSchema,
  typedSignatureAnswerSchema,
  fileAnswerSchema,
] as const;

const itemAnswerValueSchema = z.union(itemAnswerSchemas);

/** A repeating group answer: one answers object per item, at most 20. */
export const groupAnswerSchema = z
  .array(z.record(fieldIdSchema, itemAnswerValueSchema))
  .max(LIMITS.groupItems);

/**
 * An answer inside a group item: any answer but a group, because groups do
 * not nest. Convex validators cannot be recursive, so the backend's
 * validator can only match this non-recursive shape.
 */
export type ItemAnswerValue =
  | string
  | number
  | boolean
  | string[]
  | AddressAnswer
  | SignatureAnswer
  | TypedSignatureAnswer
  | FileAnswer;

/** A repeating group answer: one answers object per item. */
export type GroupAnswer = Record<string, ItemAnswerValue>[];

/**
 * One answer. Text, email, phone, date and singleChoice fields take a
 * string, number fields a number, and yesNo and consent fields a boolean.
 * A multipleChoice answer is the chosen option values. Address, signature
 * and file fields take an object (a signature is drawn or typed), and a
 * group takes a list of item objects.
 * The caps are the largest values any field accepts.
 */
export const answerValueSchema = z.union([
  ...itemAnswerSchemas,
  groupAnswerSchema,
]);

/** One answer to an input field. */
export type AnswerValue = ItemAnswerValue | GroupAnswer;

// Fails to compile when the schema and the hand-written type drift apart.
const _schemaMatchesType: AnswerValue = {} as z.infer<typeof answerValueSchema>;

/**
 * The shape of a set of answers keyed by field id, without checking them
 * against a form. `validateAnswers` does both.
 */
export const answersSchema = z
  .record(fieldIdSchema, answerValueSchema)
  .refine((answers) => Object.keys(answers).length <= LIMITS.inputFields, {
    message: `Answers must have at most ${LIMITS.inputFields} keys`,
  });

/** Answers keyed by field id. A missing key means no answer. */
export type Answers = Record<string, AnswerValue>;
