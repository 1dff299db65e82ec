import { z } from "zod";

import { hintSchema, inputFieldShape } from "./common";

/** A finite number answer, optionally a whole number within `min`..`max`. */
export const numberFieldSchema = z.strictObject({
  type: z.literal("number"),
  ...inputFieldShape,
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().optional(),
  placeholder: hintSchema,
});
