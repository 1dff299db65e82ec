import { z } from "zod";

import { baseFieldShape } from "./common";
import { LIMITS } from "./limits";

const staticTextSchema = z.string().max(LIMITS.textBlockLength);

/**
 * A section heading. Patients see `text`, and `label` names the block in the
 * form builder. It takes no answer.
 */
export const headingFieldSchema = z.strictObject({
  type: z.literal("heading"),
  ...baseFieldShape,
  text: staticTextSchema,
});

/** A block of explanatory text that takes no answer. */
export const paragraphFieldSchema = z.strictObject({
  type: z.literal("paragraph"),
  ...baseFieldShape,
  text: staticTextSchema,
});
