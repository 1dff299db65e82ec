import { isAnswerEmpty } from "../answers/is-empty";
import { isIsoDate } from "../fields/iso-date";
import {
  isFieldCondition,
  type Condition,
  type FieldCondition,
} from "./condition";

/** Reads the answer a condition tests, or undefined for no answer. */
export type AnswerLookup = (fieldId: string) => unknown;

// Deeper conditions evaluate to false instead of overflowing the stack.
// `validateDefinition` rejects anything deeper than `LIMITS.conditionDepth`.
const MAX_EVALUATION_DEPTH = 32;

/**
 * Evaluates a condition against answers keyed by field id. A missing answer
 * is empty, so it never equals a value and never compares as greater or
 * less. `notEquals` and `notIncludes` are the plain negations of `equals`
 * and `includes`, so they hold for a missing answer.
 */
export function evaluateCondition(
  condition: Condition,
  answers: Readonly<Record<string, unknown>>,
): boolean {
  return evaluateWith(condition, (fieldId) =>
    Object.hasOwn(answers, fieldId) ? answers[fieldId] : undefined,
  );
}

/** Evaluates a condition, reading answers through `lookup`. */
export function evaluateWith(
  condition: Condition,
  lookup: AnswerLookup,
  depth = 0,
): boolean {
  if (depth > MAX_EVALUATION_DEPTH) {
    return false;
  }
  if (isFieldCondition(condition)) {
    return testAnswer(condition, lookup(condition.field));
  }
  if ("all" in condition) {
    return condition.all.every((child) =>
      evaluateWith(child, lookup, depth + 1),
    );
  }
  return condition.any.some((child) => evaluateWith(child, lookup, depth + 1));
}

function testAnswer(condition: FieldCondition, answer: unknown): boolean {
  const { op, value } = condition;
  switch (op) {
    case "isEmpty":
      return isAnswerEmpty(answer);
    case "isNotEmpty":
      return !isAnswerEmpty(answer);
    case "equals":
      return isEqual(answer, value);
    case "notEquals":
      return !isEqual(answer, value);
    case "includes":
      return includes(answer, value);
    case "notIncludes":
      return !includes(answer, value);
    case "greaterThan":
      return compare(answer, value) > 0;
    case "lessThan":
      return compare(answer, value) < 0;
  }
}

/** Compares a string, number or boolean answer with the value, exactly. */
function isEqual(answer: unknown, value: unknown): boolean {
  return value !== undefined && answer === value;
}

/**
 * Checks whether a list answer (multipleChoice) contains the value, or a
 * text answer contains the value as a substring, case-insensitively.
 */
function includes(answer: unknown, value: unknown): boolean {
  if (Array.isArray(answer)) {
    return value !== undefined && answer.includes(value);
  }
  if (typeof answer === "string" && typeof value === "string") {
    return answer.toLowerCase().includes(value.toLowerCase());
  }
  return false;
}

/**
 * Orders two numbers, or two YYYY-MM-DD dates. Returns NaN, which is neither
 * above nor below 0, for anything else.
 */
function compare(answer: unknown, value: unknown): number {
  if (typeof answer === "number" && typeof value === "number") {
    return answer - value;
  }
  if (
    typeof answer === "string" &&
    typeof value === "string" &&
    isIsoDate(answer) &&
    isIsoDate(value)
  ) {
    // YYYY-MM-DD strings sort in date order by code unit.
    if (answer === value) {
      return 0;
    }
    return answer < value ? -1 : 1;
  }
  return Number.NaN;
}
