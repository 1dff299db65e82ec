import type { Field, InputField, ItemInputField } from "../fields";
import { isInputField } from "../fields/field-types";
import { checkAddress } from "../rules/address";
import type { FieldError } from "../rules/field-error";
import { checkFile } from "../rules/file";
import {
  invalidTypeError,
  notAcceptedError,
  requiredError,
  unknownFieldError,
} from "../rules/messages";
import {
  booleanRules,
  FIELD_SPECS,
  numberRules,
  stringListRules,
  stringRules,
} from "../rules/registry";
import { checkSignature } from "../rules/signature";
import type { RuleCheck, RuleSubject } from "../rules/subject";
import { firstGroupError } from "./validate-group";
import { isAnswerEmpty } from "./is-empty";

/**
 * Validates one answer against its field and returns the first problem, or
 * null when the answer is valid. `undefined` means no answer, but `null` is
 * an invalid type, as in `answersSchema`. Static fields accept only
 * `undefined`. Pure and allocation-light, so it can run on every keystroke.
 *
 * Conditional logic needs the other answers, so this checks `required` but
 * not `requireIf` or `showIf`, which `validateAnswers` applies. For a group
 * it returns the group's own error or else the first error of its items.
 */
export function validateField(field: Field, value: unknown): FieldError | null {
  if (!isInputField(field)) {
    return value === undefined ? null : unknownFieldError();
  }
  const required = field.required === true;
  if (field.type === "group") {
    return firstGroupError(field, value, required);
  }
  return validateValue(field, value, required);
}

/**
 * Validates an answer to a field other than a group, with `required`
 * decided by the caller from `required` and `requireIf`.
 */
export function validateValue(
  field: ItemInputField,
  value: unknown,
  required: boolean,
): FieldError | null {
  if (value === undefined) {
    return required ? missingAnswerError(field) : null;
  }
  switch (field.type) {
    case "address":
      return checkAddress(value, required);
    case "signature":
      return checkSignature(value, required);
    case "file":
      return checkFile(field, value);
    default:
      return validateSimpleValue(field, value, required);
  }
}

/**
 * Returns the rule that rejects a non-empty string answer, such as
 * "pattern" or "singleLine", or null when every rule passes or the field
 * takes no string answer. Rules run in `validateField`'s order, so the
 * rule named is the one behind its error, which lets a client tell errors
 * that share a code apart without reading the message.
 */
export function failingStringRule(
  field: Field,
  value: unknown,
): keyof typeof stringRules | null {
  if (!isInputField(field) || !Object.hasOwn(FIELD_SPECS, field.type)) {
    return null;
  }
  const spec = FIELD_SPECS[field.type as keyof typeof FIELD_SPECS];
  if (
    spec.valueType !== "string" ||
    typeof value !== "string" ||
    isAnswerEmpty(value)
  ) {
    return null;
  }
  const subject: RuleSubject = field;
  return (
    spec.rules.find((rule) => stringRules[rule](subject, value) !== null) ??
    null
  );
}

type SimpleField = Exclude<
  ItemInputField,
  { type: "address" | "signature" | "file" }
>;

function validateSimpleValue(
  field: SimpleField,
  value: unknown,
  required: boolean,
): FieldError | null {
  const spec = FIELD_SPECS[field.type];
  // Rules such as "accepted" read `required`, which `requireIf` may turn on.
  const subject: RuleSubject =
    (field.required === true) === required ? field : { ...field, required };
  switch (spec.valueType) {
    case "string":
      if (typeof value !== "string") {
        return invalidTypeError(field.type);
      }
      if (isAnswerEmpty(value)) {
        return required ? requiredError(field.type) : null;
      }
      return runRules(stringRules, spec.rules, subject, value);
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) {
        return invalidTypeError(field.type);
      }
      return runRules(numberRules, spec.rules, subject, value);
    case "stringList":
      if (!isStringList(value)) {
        return invalidTypeError(field.type);
      }
      if (value.length === 0) {
        return required ? requiredError(field.type) : null;
      }
      return runRules(stringListRules, spec.rules, subject, value);
    case "boolean":
      if (typeof value !== "boolean") {
        return invalidTypeError(field.type);
      }
      return runRules(booleanRules, spec.rules, subject, value);
  }
}

/**
 * Returns "notAccepted" for a missing consent, because an unticked box and
 * no answer mean the same to the patient, and "required" for other fields.
 */
function missingAnswerError(field: InputField): FieldError {
  return field.type === "consent"
    ? notAcceptedError()
    : requiredError(field.type);
}

function isStringList(value: unknown): value is string[] {
  return (
    Array.isArray(value) && value.every((item) => typeof item === "string")
  );
}

function runRules<Rule extends string, Value>(
  registry: Record<Rule, RuleCheck<Value>>,
  rules: readonly Rule[],
  field: RuleSubject,
  value: Value,
): FieldError | null {
  for (const rule of rules) {
    const error = registry[rule](field, value);
    if (error !== null) {
      return error;
    }
  }
  return null;
}
