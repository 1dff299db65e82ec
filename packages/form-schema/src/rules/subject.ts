import type { ChoiceOption, InputField, InputFieldType } from "../fields";
import type { FieldError } from "./field-error";

/**
 * The rule parameters that any input field may carry. Every `InputField` is
 * assignable to it, so one rule can serve several field types.
 */
export type RuleSubject = {
  type: InputFieldType;
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  patternMessage?: string;
  min?: number;
  max?: number;
  integer?: boolean;
  minDate?: string;
  maxDate?: string;
  options?: readonly ChoiceOption[];
  minSelected?: number;
  maxSelected?: number;
};

// Fails to compile when a field gains a rule parameter of another type.
const _inputFieldsAreRuleSubjects: RuleSubject = {} as InputField;

/** Checks one rule against an answer of the right type. */
export type RuleCheck<Value> = (
  field: RuleSubject,
  value: Value,
) => FieldError | null;
