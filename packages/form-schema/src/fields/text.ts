import { z } from "zod";

import { hintSchema, inputFieldShape } from "./common";
import { LIMITS } from "./limits";

function textRulesShape(maxLengthCap: number) {
  return {
    minLength: z.int().min(0).max(maxLengthCap).optional(),
    maxLength: z.int().min(1).max(maxLengthCap).optional(),
    /** Matched against the whole answer, like the HTML `pattern` attribute. */
    pattern: z.string().min(1).max(LIMITS.patternLength).optional(),
    /** Shown when the pattern does not match, like "Enter 5 digits". */
    patternMessage: hintSchema,
    placeholder: hintSchema,
  };
}

/** A one-line text answer, at most `LIMITS.shortTextLength` characters. */
export const shortTextFieldSchema = z.strictObject({
  type: z.literal("shortText"),
  ...inputFieldShape,
  ...textRulesShape(LIMITS.shortTextLength),
});

/** A multi-line text answer, at most `LIMITS.longTextLength` characters. */
export const longTextFieldSchema = z.strictObject({
  type: z.literal("longText"),
  ...inputFieldShape,
  ...textRulesShape(LIMITS.longTextLength),
});

/** An email address answer. */
export const emailFieldSchema = z.strictObject({
  type: z.literal("email"),
  ...inputFieldShape,
  placeholder: hintSchema,
});

/** A phone number answer with 7 to 15 digits and common separators. */
export const phoneFieldSchema = z.strictObject({
  type: z.literal("phone"),
  ...inputFieldShape,
  placeholder: hintSchema,
});
