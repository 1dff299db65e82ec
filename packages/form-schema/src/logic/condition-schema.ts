import { z } from "zod";

import { FIELD_ID_PATTERN } from "../fields/common-id";
import { LIMITS } from "../fields/limits";
import { CONDITION_OPS, type Condition } from "./condition";

const fieldConditionSchema = z.strictObject({
  field: z.string().regex(FIELD_ID_PATTERN, {
    message: "Use the id of a question on this form",
  }),
  op: z.enum(CONDITION_OPS),
  value: z
    .union([z.string().max(LIMITS.optionValueLength), z.number(), z.boolean()])
    .optional(),
});

/**
 * Zod schema of a `Condition`. Lists hold at most `LIMITS.conditionItems`
 * conditions, and `validateDefinition` caps the nesting depth.
 */
export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    fieldConditionSchema,
    z.strictObject({
      all: z.array(conditionSchema).max(LIMITS.conditionItems),
    }),
    z.strictObject({
      any: z.array(conditionSchema).max(LIMITS.conditionItems),
    }),
  ]),
);
