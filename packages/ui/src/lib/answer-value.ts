import type { AnswerValue } from "@intake/form-schema";

// Readers that tolerate an answer of the wrong shape, such as one saved for
// an earlier version of the form, by showing the control as unanswered.

export function answerAsString(value: AnswerValue | undefined): string {
  return typeof value === "string" ? value : "";
}

export function answerAsBoolean(
  value: AnswerValue | undefined,
): boolean | undefined {
  return typeof value === "boolean" ? value : undefined;
}

export function answerAsStrings(value: AnswerValue | undefined): string[] {
  if (!Array.isArray(value)) {
    return [];
  }
  // A group answer is a list of objects, so keep only the strings.
  return value.filter((item): item is string => typeof item === "string");
}
