import { isInputField, type Field, type InputField } from "../fields";
import type { FieldError } from "../rules/field-error";
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
import type { RuleCheck, RuleSubject } from "../rules/subject";
import { isAnswerEmpty } from "./is-empty";

/**
 * Validates one answer against its field and returns the first problem, or
 * null when the answer is valid. `undefined` means no answer, but `null` is
 * an invalid type, as in `answersSchema`. Static fields accept only
 * `undefined`. Pure and allocation-light, so it can run on every keystroke.
 */
export function validateField(field: Field, value: unknown): FieldError | null {
  if (!isInputField(field)) {
    return value === undefined ? null : unknownFieldError();
  }
  if (value === undefined) {
    return field.required === true ? missingAnswerError(field) : null;
  }

  const spec = FIELD_SPECS[field.type];
  switch (spec.valueType) {
    case "string":
      if (typeof value !== "string") {
        return invalidTypeError(field.type);
      }
      if (isAnswerEmpty(value)) {
        return field.required === true ? requiredError(field.type) : null;
      }
      return runRules(stringRules, spec.rules, field, value);
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) {
        return invalidTypeError(field.type);
      }
      return runRules(numberRules, spec.rules, field, value);
    case "stringList":
      if (!isStringList(value)) {
        return invalidTypeError(field.type);
      }
      if (value.length === 0) {
        return field.required === true ? requiredError(field.type) : null;
      }
      return runRules(stringListRules, spec.rules, field, value);
    case "boolean":
      if (typeof value !== "boolean") {
        return invalidTypeError(field.type);
      }
      return runRules(booleanRules, spec.rules, field, value);
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
