import { z } from "zod";

import { inputFieldShape } from "./common";
import { LIMITS } from "./limits";

/**
 * A checkbox the patient ticks to agree, answered with a boolean. When
 * `required`, only `true` is accepted. No signature is collected.
 */
export const consentFieldSchema = z.strictObject({
  type: z.literal("consent"),
  ...inputFieldShape,
  /** The full text being agreed to, shown above the checkbox. */
  statement: z.string().max(LIMITS.textBlockLength).optional(),
});
