// Zod-free, so evaluating conditions does not bundle zod. The schema is in
// condition-schema.ts.

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
