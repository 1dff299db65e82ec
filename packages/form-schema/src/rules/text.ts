import { LIMITS } from "../fields/limits";
import {
  lineBreakError,
  patternError,
  textTooLongError,
  textTooShortError,
} from "./messages";
import type { RuleCheck } from "./subject";

const LINE_BREAK = /[\r\n]/;

/** Upper bound on cached patterns, so many forms cannot grow the cache. */
const PATTERN_CACHE_SIZE = 256;
const patternCache = new Map<string, RegExp | null>();

/**
 * Compiles a field pattern to match the whole answer, like the HTML `pattern`
 * attribute. Returns null for a pattern that does not compile. The `u` flag
 * is used rather than `v` because older phone browsers lack `v`.
 */
export function compilePattern(pattern: string): RegExp | null {
  const cached = patternCache.get(pattern);
  if (cached !== undefined) {
    return cached;
  }
  let compiled: RegExp | null;
  try {
    compiled = new RegExp(`^(?:${pattern})$`, "u");
  } catch {
    compiled = null;
  }
  if (patternCache.size >= PATTERN_CACHE_SIZE) {
    patternCache.clear();
  }
  patternCache.set(pattern, compiled);
  return compiled;
}

/**
 * Returns the largest length a text field accepts. A staff `maxLength` can
 * lower the type's default but never raise it, even in a definition that
 * skipped schema validation.
 */
export function effectiveMaxLength(field: {
  type: string;
  maxLength?: number;
}): number {
  const cap =
    field.type === "longText" ? LIMITS.longTextLength : LIMITS.shortTextLength;
  return field.maxLength === undefined ? cap : Math.min(field.maxLength, cap);
}

/** Rejects text longer than the field's effective maximum length. */
export const checkMaxLength: RuleCheck<string> = (field, value) => {
  const maxLength = effectiveMaxLength(field);
  return value.length > maxLength
    ? textTooLongError(maxLength, value.length)
    : null;
};

/** Rejects text shorter than `minLength`. */
export const checkMinLength: RuleCheck<string> = (field, value) => {
  if (field.minLength === undefined || value.length >= field.minLength) {
    return null;
  }
  return textTooShortError(field.minLength);
};

/** Rejects line breaks in a one-line answer. */
export const checkSingleLine: RuleCheck<string> = (_field, value) =>
  LINE_BREAK.test(value) ? lineBreakError() : null;

/**
 * Rejects text that does not match `pattern`.
 * NOTE: a pattern that does not compile is skipped here, because
 * `validateDefinition` rejects it before a form can be published.
 * TODO: patterns are staff-written and could backtrack badly. Answer length
 * caps bound the cost, but no check for unsafe patterns exists yet.
 */
export const checkPattern: RuleCheck<string> = (field, value) => {
  if (field.pattern === undefined) {
    return null;
  }
  const regex = compilePattern(field.pattern);
  if (regex === null || regex.test(value)) {
    return null;
  }
  return patternError(field.patternMessage);
};
