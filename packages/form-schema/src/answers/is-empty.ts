/**
 * Checks whether a value counts as no answer: undefined, null, a string of
 * only whitespace, or an empty list. `false` and `0` are answers.
 */
export function isAnswerEmpty(value: unknown): boolean {
  if (value === undefined || value === null) {
    return true;
  }
  if (typeof value === "string") {
    return value.trim() === "";
  }
  return Array.isArray(value) && value.length === 0;
}
