import {
  invalidOptionError,
  notAcceptedError,
  tooFewSelectedError,
  tooManySelectedError,
} from "./messages";
import type { RuleCheck } from "./subject";

/** Rejects a single choice that is not one of the option values. */
export const checkOption: RuleCheck<string> = (field, value) => {
  const options = field.options ?? [];
  const found = options.some((option) => option.value === value);
  return found ? null : invalidOptionError(false);
};

/**
 * Rejects selections that are not option values or that repeat one. As a
 * result a valid answer never has more items than the field has options.
 */
export const checkOptions: RuleCheck<readonly string[]> = (field, value) => {
  const options = field.options ?? [];
  // A longer list must repeat or invent a value, so skip the lookup.
  if (value.length > options.length) {
    return invalidOptionError(true);
  }
  const allowed = new Set(options.map((option) => option.value));
  const seen = new Set<string>();
  for (const selected of value) {
    if (!allowed.has(selected) || seen.has(selected)) {
      return invalidOptionError(true);
    }
    seen.add(selected);
  }
  return null;
};

/** Rejects fewer selections than `minSelected` or more than `maxSelected`. */
export const checkSelectionCount: RuleCheck<readonly string[]> = (
  field,
  value,
) => {
  if (field.minSelected !== undefined && value.length < field.minSelected) {
    return tooFewSelectedError(field.minSelected);
  }
  if (field.maxSelected !== undefined && value.length > field.maxSelected) {
    return tooManySelectedError(field.maxSelected);
  }
  return null;
};

/** Rejects a required consent that is not `true`. */
export const checkAccepted: RuleCheck<boolean> = (field, value) =>
  field.required === true && value !== true ? notAcceptedError() : null;
