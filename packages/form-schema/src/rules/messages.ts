import type { InputFieldType } from "../fields";
import { formatIsoDate } from "../fields/iso-date";
import { LIMITS } from "../fields/limits";
import type { FieldError, FieldErrorCode } from "./field-error";

// Messages are read on a phone next to the field, so they skip the label
// and state what to enter instead.

function fieldError(code: FieldErrorCode, message: string): FieldError {
  return { code, message };
}

const REQUIRED_MESSAGES: Record<InputFieldType, string> = {
  shortText: "Enter an answer to continue.",
  longText: "Enter an answer to continue.",
  email: "Enter an email address like name@example.com.",
  phone: "Enter a phone number, like 555 123 4567.",
  date: "Enter a date.",
  number: "Enter a number.",
  singleChoice: "Choose one of the options.",
  multipleChoice: "Choose at least one option.",
  yesNo: "Choose Yes or No.",
  consent: "Select the checkbox to agree before you continue.",
};

const INVALID_TYPE_MESSAGES: Record<InputFieldType, string> = {
  shortText: "Enter your answer as text.",
  longText: "Enter your answer as text.",
  email: "Enter an email address like name@example.com.",
  phone: "Enter a phone number, like 555 123 4567.",
  date: "Enter a date as YYYY-MM-DD, like 1985-04-23.",
  number: "Enter a number using digits, like 42.",
  singleChoice: "Choose one of the options.",
  multipleChoice: "Choose options from the list.",
  yesNo: "Choose Yes or No.",
  consent: "Select or clear the checkbox.",
};

/** Builds the error for a missing answer to a required field. */
export function requiredError(type: InputFieldType): FieldError {
  return fieldError("required", REQUIRED_MESSAGES[type]);
}

/** Builds the error for an answer of the wrong JavaScript type. */
export function invalidTypeError(type: InputFieldType): FieldError {
  return fieldError("invalidType", INVALID_TYPE_MESSAGES[type]);
}

/** Builds the error for text shorter than `minLength`. */
export function textTooShortError(minLength: number): FieldError {
  const unit = minLength === 1 ? "character" : "characters";
  return fieldError("tooShort", `Enter at least ${minLength} ${unit}.`);
}

/** Builds the error for text longer than `maxLength`. */
export function textTooLongError(
  maxLength: number,
  length: number,
): FieldError {
  return fieldError(
    "tooLong",
    `Shorten this to ${maxLength} characters or fewer. It has ${length} now.`,
  );
}

/** Builds the error for a line break in a one-line answer. */
export function lineBreakError(): FieldError {
  return fieldError("invalidFormat", "Keep this answer on one line.");
}

/** Builds the error for text that does not match the field's pattern. */
export function patternError(patternMessage: string | undefined): FieldError {
  return fieldError(
    "invalidFormat",
    patternMessage ??
      "This answer is not in the expected format. Check it for typos.",
  );
}

/** Builds the error for a number with a fractional part. */
export function notIntegerError(): FieldError {
  return fieldError("invalidFormat", "Enter a whole number, without decimals.");
}

/** Builds the error for an invalid email address. */
export function invalidEmailError(): FieldError {
  return fieldError(
    "invalidEmail",
    "Enter an email address like name@example.com.",
  );
}

/** Builds the error for an invalid phone number. */
export function invalidPhoneError(): FieldError {
  return fieldError(
    "invalidPhone",
    `Enter a phone number with ${LIMITS.phoneMinDigits} to ${LIMITS.phoneMaxDigits} digits, like 555 123 4567.`,
  );
}

/** Builds the error for a value that is not a real YYYY-MM-DD date. */
export function invalidDateError(): FieldError {
  return fieldError(
    "invalidDate",
    "Enter a real date as YYYY-MM-DD, like 1985-04-23.",
  );
}

/** Builds the error for a number outside `min`..`max`. */
export function numberOutOfRangeError(
  min: number | undefined,
  max: number | undefined,
): FieldError {
  if (min !== undefined && max !== undefined) {
    return fieldError("outOfRange", `Enter a number from ${min} to ${max}.`);
  }
  if (min !== undefined) {
    return fieldError("outOfRange", `Enter ${min} or a larger number.`);
  }
  return fieldError("outOfRange", `Enter ${max} or a smaller number.`);
}

/** Builds the error for a date outside `minDate`..`maxDate`. */
export function dateOutOfRangeError(
  minDate: string | undefined,
  maxDate: string | undefined,
): FieldError {
  const from = minDate === undefined ? undefined : formatIsoDate(minDate);
  const to = maxDate === undefined ? undefined : formatIsoDate(maxDate);
  if (from !== undefined && to !== undefined) {
    return fieldError("outOfRange", `Enter a date from ${from} to ${to}.`);
  }
  if (from !== undefined) {
    return fieldError("outOfRange", `Enter a date on or after ${from}.`);
  }
  return fieldError("outOfRange", `Enter a date on or before ${to}.`);
}

/** Builds the error for a value that is not one of the options. */
export function invalidOptionError(multiple: boolean): FieldError {
  return fieldError(
    "invalidOption",
    multiple
      ? "Choose only options from the list, each one once."
      : "Choose one of the options in the list.",
  );
}

/** Builds the error for fewer selected options than `minSelected`. */
export function tooFewSelectedError(minSelected: number): FieldError {
  const unit = minSelected === 1 ? "option" : "options";
  return fieldError("tooShort", `Choose at least ${minSelected} ${unit}.`);
}

/** Builds the error for more selected options than `maxSelected`. */
export function tooManySelectedError(maxSelected: number): FieldError {
  const unit = maxSelected === 1 ? "option" : "options";
  return fieldError("tooLong", `Choose no more than ${maxSelected} ${unit}.`);
}

/** Builds the error for a required consent that was not given. */
export function notAcceptedError(): FieldError {
  return fieldError(
    "notAccepted",
    "Select the checkbox to agree before you continue.",
  );
}

/** Builds the error for an answer to a question the form does not have. */
export function unknownFieldError(): FieldError {
  return fieldError(
    "unknownField",
    "This answer is for a question that is not on the form. Reload the page to get the latest form.",
  );
}
