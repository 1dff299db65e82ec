import { z } from "zod";

import { inputFieldShape, labelSchema } from "./common";
import { LIMITS } from "./limits";

/** One choice: `value` is stored in answers, `label` is shown. */
export const choiceOptionSchema = z.strictObject({
  value: z.string().max(LIMITS.optionValueLength),
  label: labelSchema,
});

/**
 * Options of a choice field. An empty list is allowed in drafts, and
 * `validateDefinition` reports it before publishing.
 */
const optionsSchema = z.array(choiceOptionSchema).max(LIMITS.options);

/** One option chosen from a list, answered with the option's value. */
export const singleChoiceFieldSchema = z.strictObject({
  type: z.literal("singleChoice"),
  ...inputFieldShape,
  options: optionsSchema,
});

/** Any number of distinct options, answered with their values. */
export const multipleChoiceFieldSchema = z.strictObject({
  type: z.literal("multipleChoice"),
  ...inputFieldShape,
  options: optionsSchema,
  minSelected: z.int().min(0).max(LIMITS.options).optional(),
  maxSelected: z.int().min(1).max(LIMITS.options).optional(),
});

/** A yes or no question, answered with a boolean. */
export const yesNoFieldSchema = z.strictObject({
  type: z.literal("yesNo"),
  ...inputFieldShape,
});
