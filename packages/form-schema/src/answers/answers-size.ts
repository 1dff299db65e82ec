import { LIMITS } from "../fields/limits";
import { isPlainObject } from "../logic/resolver";
import { setOwn } from "../logic/visibility";
import type { FieldErrors } from "../rules/field-error";
import { answersTooLargeError } from "../rules/messages";

const encoder = new TextEncoder();

/** Returns the UTF-8 size in bytes of `value` serialized as JSON. */
export function jsonByteLength(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? "").length;
}

/**
 * Names the answers to shorten when `answers` as JSON is larger than
 * `maxBytes`, or returns `{}` when they fit. The largest answers are
 * named first, as many as it takes for the others to fit, each under its
 * own top-level key with the "tooLarge" code. A value that is not a plain
 * object names no key, because it has no answers to point at.
 */
export function oversizedAnswerErrors(
  answers: unknown,
  maxBytes: number = LIMITS.answersBytes,
): FieldErrors {
  const errors: FieldErrors = {};
  if (!isPlainObject(answers)) {
    return errors;
  }
  let excess = jsonByteLength(answers) - maxBytes;
  if (excess <= 0) {
    return errors;
  }
  const sizes = Object.entries(answers)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ({ key, bytes: entryByteLength(key, value) }))
    .sort((a, b) => b.bytes - a.bytes);
  for (const { key, bytes } of sizes) {
    if (excess <= 0) {
      break;
    }
    // setOwn keeps a "__proto__" key an own property of the result.
    setOwn(errors, key, answersTooLargeError(maxBytes));
    excess -= bytes;
  }
  return errors;
}

/** Returns the bytes one `"key":value,` member adds to the JSON object. */
function entryByteLength(key: string, value: unknown): number {
  return jsonByteLength(key) + jsonByteLength(value) + 2;
}
