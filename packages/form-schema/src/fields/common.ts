import { z } from "zod";

import { conditionSchema } from "../logic/condition-schema";
import { FIELD_ID_PATTERN } from "./common-id";
import { LIMITS } from "./limits";

export { FIELD_ID_PATTERN };

/** A field id, like "dateOfBirth". */
export const fieldIdSchema = z.string().regex(FIELD_ID_PATTERN, {
  message:
    "Use 1 to 64 letters, digits or underscores, starting with a lowercase letter",
});

/**
 * Label text. Empty labels are allowed so drafts save while staff type, and
 * `validateDefinition` reports them before publishing.
 */
export const labelSchema = z.string().max(LIMITS.labelLength);

/** Optional hint text such as a placeholder. */
export const hintSchema = z.string().max(LIMITS.hintLength).optional();

/** Properties of every field. */
export const baseFieldShape = {
  id: fieldIdSchema,
  label: labelSchema,
  help: z.string().max(LIMITS.textBlockLength).optional(),
  /** Shows the field only while this holds. Hidden fields take no answer. */
  showIf: conditionSchema.optional(),
};

/** Properties of every field that takes an answer. */
export const inputFieldShape = {
  ...baseFieldShape,
  required: z.boolean().optional(),
  /** Makes the field required while this holds, even without `required`. */
  requireIf: conditionSchema.optional(),
};
