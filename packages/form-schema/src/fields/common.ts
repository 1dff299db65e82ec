import { z } from "zod";

import { LIMITS } from "./limits";

/**
 * Field ids are answer keys, so they start with a lowercase letter: that
 * keeps them valid JavaScript identifiers and Convex field names, which may
 * not start with `$` or `_`.
 */
export const FIELD_ID_PATTERN = /^[a-z][a-zA-Z0-9_]{0,63}$/;

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
};

/** Properties of every field that takes an answer. */
export const inputFieldShape = {
  ...baseFieldShape,
  required: z.boolean().optional(),
};
