import { z } from "zod";

import { inputFieldShape } from "./common";
import { isIsoDate } from "./iso-date";

/** A calendar date written as YYYY-MM-DD. */
export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { message: "Use a real date as YYYY-MM-DD" });

/** A date answer, optionally within `minDate`..`maxDate` inclusive. */
export const dateFieldSchema = z.strictObject({
  type: z.literal("date"),
  ...inputFieldShape,
  minDate: isoDateSchema.optional(),
  maxDate: isoDateSchema.optional(),
});
