import { FIELD_ID_PATTERN } from "../fields/common-id";
import { LIMITS } from "../fields/limits";
import type { Answers } from "./schema";
import { isTypedSignatureAnswer } from "./typed-signature";

/**
 * Checks whether a value returned by `JSON.parse` has the shape that
 * `answersSchema` accepts, without zod, so the patient app can check answers
 * it reads back from storage without bundling zod. is-answers.test.ts
 * compares the two on generated values. Like `answersSchema`, it does not
 * check the answers against a form.
 *
 * It is stricter in one case: `answersSchema` drops a `__proto__` key from
 * answers and group items, and `isAnswers` rejects the value.
 *
 * NOTE: values that JSON cannot encode, such as class instances or objects
 * with inherited keys, may be judged differently from `answersSchema`.
 */
export function isAnswers(value: unknown): value is Answers {
  if (!isRecord(value)) {
    return false;
  }
  const keys = Object.keys(value);
  if (keys.length > LIMITS.inputFields) {
    return false;
  }
  return keys.every(
    (key) => FIELD_ID_PATTERN.test(key) && isAnswerValue(value[key]),
  );
}

function isAnswerValue(value: unknown): boolean {
  return isItemAnswerValue(value) || isGroupAnswer(value);
}

function isItemAnswerValue(value: unknown): boolean {
  if (typeof value === "boolean" || isFiniteNumber(value)) {
    return true;
  }
  if (Array.isArray(value)) {
    return isOptionValues(value);
  }
  return (
    isString(value, LIMITS.longTextLength) ||
    isAddressAnswer(value) ||
    isSignatureAnswer(value) ||
    isTypedSignature(value) ||
    isFileAnswer(value)
  );
}

function isOptionValues(values: unknown[]): boolean {
  return (
    values.length <= LIMITS.options &&
    values.every((value) => isString(value, LIMITS.optionValueLength))
  );
}

function isGroupAnswer(value: unknown): boolean {
  if (!Array.isArray(value) || value.length > LIMITS.groupItems) {
    return false;
  }
  return value.every(
    (item) =>
      isRecord(item) &&
      Object.keys(item).every(
        (key) => FIELD_ID_PATTERN.test(key) && isItemAnswerValue(item[key]),
      ),
  );
}

function isAddressAnswer(value: unknown): boolean {
  const part = LIMITS.addressPartLength;
  return (
    isRecord(value) &&
    hasOnlyKeys(value, ["line1", "line2", "city", "region", "postalCode"]) &&
    isString(value.line1, part) &&
    (value.line2 === undefined || isString(value.line2, part)) &&
    isString(value.city, part) &&
    isString(value.region, part) &&
    isString(value.postalCode, LIMITS.postalCodeMaxLength)
  );
}

function isSignatureAnswer(value: unknown): boolean {
  if (!isRecord(value) || !hasOnlyKeys(value, ["width", "height", "strokes"])) {
    return false;
  }
  const { width, height, strokes } = value;
  return (
    isCanvasSize(width) &&
    isCanvasSize(height) &&
    Array.isArray(strokes) &&
    strokes.length <= LIMITS.signatureStrokes &&
    strokes.every(isStroke)
  );
}

function isTypedSignature(value: unknown): boolean {
  return (
    isTypedSignatureAnswer(value) &&
    value.typedName.length <= LIMITS.typedSignatureLength
  );
}

function isCanvasSize(value: unknown): boolean {
  return (
    isFiniteNumber(value) && value > 0 && value <= LIMITS.signatureCanvasSize
  );
}

function isStroke(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.length <= LIMITS.signaturePoints * 2 &&
    value.every(isFiniteNumber)
  );
}

function isFileAnswer(value: unknown): boolean {
  const keys = ["storageId", "name", "contentType", "size"];
  if (!isRecord(value) || !hasOnlyKeys(value, keys)) {
    return false;
  }
  const { storageId, name, contentType, size } = value;
  return (
    isString(storageId, LIMITS.fileTokenLength) &&
    storageId.length >= 1 &&
    isString(name, LIMITS.fileNameLength) &&
    isString(contentType, LIMITS.fileTokenLength) &&
    Number.isSafeInteger(size) &&
    (size as number) >= 0 &&
    (size as number) <= LIMITS.fileSizeBytes
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// Zod's strict objects reject unknown keys. Required keys are checked by the
// callers' type tests, because a missing key reads as undefined.
function hasOnlyKeys(
  value: Record<string, unknown>,
  allowed: readonly string[],
): boolean {
  return Object.keys(value).every((key) => allowed.includes(key));
}

function isString(value: unknown, maxLength: number): value is string {
  return typeof value === "string" && value.length <= maxLength;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}
