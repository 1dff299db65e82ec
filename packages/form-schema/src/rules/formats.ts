import { isIsoDate } from "../fields/iso-date";
import { LIMITS } from "../fields/limits";
import {
  dateOutOfRangeError,
  invalidDateError,
  invalidEmailError,
  invalidPhoneError,
} from "./messages";
import type { RuleCheck } from "./subject";

// Phone numbers are checked loosely because a clinic's patients may use any
// country's format: an optional leading "+", then digits and the separators
// people type (spaces, dots, dashes and parentheses).
const PHONE_CHARACTERS = /^\+?[0-9 ().-]+$/;
const NON_DIGITS = /\D/g;

/**
 * Zod 4's practical email pattern (`z.regexes.email`), copied so the answer
 * validator runs without bundling zod in the patient app. formats.test.ts
 * fails when the installed zod's pattern differs.
 */
export const EMAIL_PATTERN =
  // The escapes are kept so the source stays equal to zod's.
  // eslint-disable-next-line no-useless-escape
  /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;

/**
 * Rejects an invalid email address, using zod's practical email pattern.
 * Spaces around the address are ignored because phone keyboards often add
 * one after an autocompleted address.
 */
export const checkEmail: RuleCheck<string> = (_field, value) => {
  // The cap applies before trimming so the stored value stays bounded.
  if (value.length > LIMITS.emailLength) {
    return invalidEmailError();
  }
  if (!EMAIL_PATTERN.test(value.trim())) {
    return invalidEmailError();
  }
  return null;
};

/** Rejects a phone number with other characters or too few or many digits. */
export const checkPhone: RuleCheck<string> = (_field, value) => {
  if (value.length > LIMITS.phoneLength) {
    return invalidPhoneError();
  }
  const phone = value.trim();
  if (!PHONE_CHARACTERS.test(phone)) {
    return invalidPhoneError();
  }
  const digits = phone.replace(NON_DIGITS, "").length;
  if (digits < LIMITS.phoneMinDigits || digits > LIMITS.phoneMaxDigits) {
    return invalidPhoneError();
  }
  return null;
};

/** Rejects a value that is not a real date written as YYYY-MM-DD. */
export const checkIsoDate: RuleCheck<string> = (_field, value) =>
  isIsoDate(value) ? null : invalidDateError();

/**
 * Rejects a date before `minDate` or after `maxDate`. Both ends are
 * inclusive, and YYYY-MM-DD strings compare correctly as plain strings.
 */
export const checkDateRange: RuleCheck<string> = (field, value) => {
  const { minDate, maxDate } = field;
  const early = minDate !== undefined && value < minDate;
  const late = maxDate !== undefined && value > maxDate;
  return early || late ? dateOutOfRangeError(minDate, maxDate) : null;
};
