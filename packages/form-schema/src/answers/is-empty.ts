/**
 * Checks whether a value counts as no answer: undefined, null, a string of
 * only whitespace, an empty list (no choices, no group items), an address
 * whose parts are all blank, a drawn signature without strokes, or a typed
 * signature of only whitespace. `false` and `0` are answers.
 */
export function isAnswerEmpty(value: unknown): boolean {
  if (value === undefined || value === null) {
    return true;
  }
  if (typeof value === "string") {
    return value.trim() === "";
  }
  if (Array.isArray(value)) {
    return value.length === 0;
  }
  if (typeof value !== "object") {
    return false;
  }
  if ("strokes" in value) {
    return Array.isArray(value.strokes) && value.strokes.length === 0;
  }
  if ("typedName" in value) {
    return typeof value.typedName === "string" && value.typedName.trim() === "";
  }
  if ("line1" in value || "postalCode" in value) {
    return Object.values(value).every(
      (part) => typeof part === "string" && part.trim() === "",
    );
  }
  return false;
}
