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
  address: "Enter the street address, city, region and postal code.",
  signature: "Sign in the box or type your full name to continue.",
  file: "Add a file to continue.",
  group: "Add at least one entry to continue.",
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
  address: "Enter the address again, because this one could not be read.",
  signature: "Clear the signature and sign again.",
  file: "Remove the file and add it again.",
  group: "Reload the page and enter these entries again.",
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

/**
 * Builds the error for one of the answers to shorten when all answers
 * together exceed `maxBytes`.
 */
export function answersTooLargeError(maxBytes: number): FieldError {
  return fieldError(
    "tooLarge",
    `Shorten this answer, because all answers together are over the maximum of ${maxBytes} bytes.`,
  );
}

/** Builds the error for an address with a required part left blank. */
export function addressPartMissingError(part: string): FieldError {
  return fieldError("required", `Enter the ${part} to complete the address.`);
}

/** Builds the error for an address part longer than its cap. */
export function addressPartTooLongError(
  part: string,
  maxLength: number,
): FieldError {
  return fieldError(
    "tooLong",
    `Shorten the ${part} to ${maxLength} characters or fewer.`,
  );
}

/** Builds the error for an address part that spans several lines. */
export function addressPartLineBreakError(part: string): FieldError {
  return fieldError("invalidFormat", `Keep the ${part} on one line.`);
}

/** Builds the error for a postal code of the wrong length or characters. */
export function invalidPostalCodeError(): FieldError {
  return fieldError(
    "invalidFormat",
    `Enter a postal code of ${LIMITS.postalCodeMinLength} to ${LIMITS.postalCodeMaxLength} letters, digits, spaces or dashes.`,
  );
}

/** Builds the error for a signature with too many strokes or points. */
export function signatureTooLongError(): FieldError {
  return fieldError(
    "tooLong",
    "Clear the signature and sign again with fewer strokes.",
  );
}

/** Builds the error for a signature with points off the pad or unrounded. */
export function invalidSignatureError(): FieldError {
  return fieldError("invalidFormat", "Clear the signature and sign again.");
}

/** Builds the error for a typed signature longer than the limit. */
export function typedSignatureTooLongError(): FieldError {
  return fieldError(
    "tooLong",
    `Type a name of up to ${LIMITS.typedSignatureLength} characters.`,
  );
}

/**
 * Builds the error for a typed signature with no letter, or with control,
 * line break or text direction characters.
 */
export function invalidTypedSignatureError(): FieldError {
  return fieldError(
    "invalidFormat",
    "Type your name in letters, without line breaks or hidden formatting characters.",
  );
}

/** Builds the error for a file type the field does not accept. */
export function fileTypeError(accept: readonly string[]): FieldError {
  return fieldError(
    "fileType",
    `Choose a file of an accepted type: ${accept.map(describeFileType).join(", ")}.`,
  );
}

/** Builds the error for a file above the field's size limit. */
export function fileTooLargeError(maxSizeBytes: number): FieldError {
  return fieldError(
    "fileTooLarge",
    `Choose a file of ${formatBytes(maxSizeBytes)} or less.`,
  );
}

/** Builds the error for a group with fewer items than it needs. */
export function tooFewItemsError(minItems: number): FieldError {
  const unit = minItems === 1 ? "entry" : "entries";
  return fieldError("tooFewItems", `Add at least ${minItems} ${unit}.`);
}

/** Builds the error for a group with more items than it allows. */
export function tooManyItemsError(maxItems: number): FieldError {
  const unit = maxItems === 1 ? "entry" : "entries";
  return fieldError(
    "tooManyItems",
    `Remove entries to keep at most ${maxItems} ${unit}.`,
  );
}

/** Describes a MIME type to a patient, like "PDF" for "application/pdf". */
function describeFileType(type: string): string {
  const names: Record<string, string> = {
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    "image/heic": "HEIC",
    "application/pdf": "PDF",
    "image/*": "any image",
  };
  return names[type] ?? type;
}

/** Formats a byte count in MiB or KiB, like "10 MB" for 10,485,760. */
function formatBytes(bytes: number): string {
  const mebibyte = 1024 * 1024;
  if (bytes >= mebibyte) {
    return `${Math.floor((bytes / mebibyte) * 10) / 10} MB`;
  }
  return `${Math.max(1, Math.floor(bytes / 1024))} KB`;
}
