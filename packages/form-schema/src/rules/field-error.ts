/**
 * Stable error codes. Clients branch on these, never on message text, so
 * a code keeps its name and meaning once released.
 */
export const FIELD_ERROR_CODES = [
  "required",
  "invalidType",
  "tooShort",
  "tooLong",
  "invalidFormat",
  "invalidEmail",
  "invalidPhone",
  "invalidDate",
  "outOfRange",
  "invalidOption",
  "unknownField",
  "notAccepted",
  "fileType",
  "fileTooLarge",
  "tooFewItems",
  "tooManyItems",
  /** One of the largest answers of a submission over `LIMITS.answersBytes`. */
  "tooLarge",
] as const;

/** A stable code for why an answer was rejected. */
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

/**
 * Why one answer was rejected: a stable `code` and a `message` for the
 * patient that says how to fix the value.
 */
export type FieldError = { code: FieldErrorCode; message: string };

/**
 * Errors keyed by field id, by the unknown answer key, or by
 * `<groupId>.<index>.<fieldId>` for a field of a group item (index from 0).
 */
export type FieldErrors = Record<string, FieldError>;
