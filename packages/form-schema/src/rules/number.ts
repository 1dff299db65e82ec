import { notIntegerError, numberOutOfRangeError } from "./messages";
import type { RuleCheck } from "./subject";

/** Rejects a number with a fractional part when `integer` is set. */
export const checkInteger: RuleCheck<number> = (field, value) =>
  field.integer === true && !Number.isInteger(value) ? notIntegerError() : null;

/** Rejects a number below `min` or above `max`, both inclusive. */
export const checkNumberRange: RuleCheck<number> = (field, value) => {
  const { min, max } = field;
  const low = min !== undefined && value < min;
  const high = max !== undefined && value > max;
  return low || high ? numberOutOfRangeError(min, max) : null;
};
