import { z } from "zod";

import { fieldIdSchema } from "../fields/common";
import { LIMITS } from "../fields/limits";

/**
 * One answer: a string for text, email, phone, date and singleChoice fields,
 * a number for number fields, a boolean for yesNo and consent fields, and
 * the chosen option values for multipleChoice fields. The caps are the
 * largest values any field accepts.
 */
export const answerValueSchema = z.union([
  z.string().max(LIMITS.longTextLength),
  z.number(),
  z.boolean(),
  z.array(z.string().max(LIMITS.optionValueLength)).max(LIMITS.options),
]);

/** One answer to an input field. */
export type AnswerValue = z.infer<typeof answerValueSchema>;

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
