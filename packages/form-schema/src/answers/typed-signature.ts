import type { TypedSignatureAnswer } from "./schema";

/**
 * Checks whether a value is shaped like a typed signature answer: an
 * object whose only key is a string `typedName`. It does not check the
 * name's length or characters, which the signature rule does.
 */
export function isTypedSignatureAnswer(
  value: unknown,
): value is TypedSignatureAnswer {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return false;
  }
  const keys = Object.keys(value);
  return (
    keys.length === 1 &&
    keys[0] === "typedName" &&
    typeof (value as Record<string, unknown>).typedName === "string"
  );
}
