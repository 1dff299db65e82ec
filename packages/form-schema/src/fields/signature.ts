import { z } from "zod";

import { inputFieldShape } from "./common";
import { LIMITS } from "./limits";

/** A handwritten signature drawn on a pad, answered with a `SignatureAnswer`. */
export const signatureFieldSchema = z.strictObject({
  type: z.literal("signature"),
  ...inputFieldShape,
  /** The text being signed, shown above the pad. */
  statement: z.string().max(LIMITS.textBlockLength).optional(),
});
