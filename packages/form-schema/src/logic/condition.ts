import { z } from "zod";

import { FIELD_ID_PATTERN } from "../fields/common-id";
import { LIMITS } from "../fields/limits";

/** Comparison operators of a field condition. */
export const CONDITION_OPS = [
  "equals",
  "notEquals",
  "includes",
  "notIncludes",
  "greaterThan",
  "lessThan",
  "isEmpty",
  "isNotEmpty",
] as const;

/** A comparison operator of a field condition. */
export type ConditionOp = (typeof CONDITION_OPS)[number];

/** Operators that compare against no `value`. */
export const VALUELESS_OPS: readonly ConditionOp[] = ["isEmpty", "isNotEmpty"];

/** The value a condition compares an answer with. */
export type ConditionValue = string | number | boolean;

/** A test of one answer, such as `{ field: "smoker", op: "equals", value: true }`. */
export type FieldCondition = {
  field: string;
  op: ConditionOp;
  value?: ConditionValue;
};

/**
 * A rule over answers: one field test, or every (`all`) or at least one
 * (`any`) of a list of conditions. An empty `all` is true and an empty `any`
 * is false, as in logic.
 */
export type Condition =
  FieldCondition | { all: Condition[] } | { any: Condition[] };

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

/** Checks whether a condition tests one field. */
export function isFieldCondition(
  condition: Condition,
): condition is FieldCondition {
  return "field" in condition;
}

/** Lists the field ids a condition reads, with repeats removed. */
export function conditionFieldIds(condition: Condition): string[] {
  const ids = new Set<string>();
  const visit = (node: Condition) => {
    if (isFieldCondition(node)) {
      ids.add(node.field);
    } else {
      ("all" in node ? node.all : node.any).forEach(visit);
    }
  };
  visit(condition);
  return [...ids];
}
