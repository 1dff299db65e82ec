import {
  isTypedSignatureAnswer,
  type AddressAnswer,
  type AnswerValue,
  type FileAnswer,
  type GroupAnswer,
  type SignatureAnswer,
  type TypedSignatureAnswer,
} from "@intake/form-schema";

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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function answerAsAddress(
  value: AnswerValue | undefined,
): AddressAnswer | undefined {
  return isRecord(value) &&
    typeof (value as Record<string, unknown>).line1 === "string"
    ? (value as AddressAnswer)
    : undefined;
}

/** Reads a drawn or a typed signature answer. */
export function answerAsSignature(
  value: AnswerValue | undefined,
): SignatureAnswer | TypedSignatureAnswer | undefined {
  if (isTypedSignatureAnswer(value)) {
    return value;
  }
  return isRecord(value) &&
    Array.isArray((value as Record<string, unknown>).strokes)
    ? (value as SignatureAnswer)
    : undefined;
}

export function answerAsFile(
  value: AnswerValue | undefined,
): FileAnswer | undefined {
  return isRecord(value) &&
    typeof (value as Record<string, unknown>).storageId === "string"
    ? (value as FileAnswer)
    : undefined;
}

export function answerAsItems(
  value: AnswerValue | undefined,
): GroupAnswer | undefined {
  return Array.isArray(value) && value.every(isRecord)
    ? (value as GroupAnswer)
    : undefined;
}
