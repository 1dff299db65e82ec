import type { InputFieldType } from "../fields";
import {
  checkAccepted,
  checkOption,
  checkOptions,
  checkSelectionCount,
} from "./choice";
import {
  checkDateRange,
  checkEmail,
  checkIsoDate,
  checkPhone,
} from "./formats";
import { checkInteger, checkNumberRange } from "./number";
import type { RuleCheck } from "./subject";
import {
  checkMaxLength,
  checkMinLength,
  checkPattern,
  checkSingleLine,
} from "./text";

/** Rules for string answers, keyed by rule type. */
export const stringRules = {
  maxLength: checkMaxLength,
  minLength: checkMinLength,
  singleLine: checkSingleLine,
  pattern: checkPattern,
  email: checkEmail,
  phone: checkPhone,
  isoDate: checkIsoDate,
  dateRange: checkDateRange,
  option: checkOption,
} satisfies Record<string, RuleCheck<string>>;

/** Rules for number answers, keyed by rule type. */
export const numberRules = {
  integer: checkInteger,
  numberRange: checkNumberRange,
} satisfies Record<string, RuleCheck<number>>;

/** Rules for string list answers, keyed by rule type. */
export const stringListRules = {
  options: checkOptions,
  selectionCount: checkSelectionCount,
} satisfies Record<string, RuleCheck<readonly string[]>>;

/** Rules for boolean answers, keyed by rule type. */
export const booleanRules = {
  accepted: checkAccepted,
} satisfies Record<string, RuleCheck<boolean>>;

/** The name of a validation rule. */
export type RuleType =
  | keyof typeof stringRules
  | keyof typeof numberRules
  | keyof typeof stringListRules
  | keyof typeof booleanRules;

/** The answer type a field takes, and the rules it runs in order. */
export type FieldSpec =
  | { valueType: "string"; rules: readonly (keyof typeof stringRules)[] }
  | { valueType: "number"; rules: readonly (keyof typeof numberRules)[] }
  | {
      valueType: "stringList";
      rules: readonly (keyof typeof stringListRules)[];
    }
  | { valueType: "boolean"; rules: readonly (keyof typeof booleanRules)[] };

/**
 * Input field types whose answer is a string, number, boolean or string
 * list. Address, signature, file and group answers have their own checks.
 */
export type SimpleInputFieldType = Exclude<
  InputFieldType,
  "address" | "signature" | "file" | "group"
>;

/**
 * The answer type and rules of each input field type. Cheap length checks
 * run first so a pattern never runs on an over-long answer.
 */
export const FIELD_SPECS = {
  shortText: {
    valueType: "string",
    rules: ["maxLength", "singleLine", "minLength", "pattern"],
  },
  longText: {
    valueType: "string",
    rules: ["maxLength", "minLength", "pattern"],
  },
  email: { valueType: "string", rules: ["email"] },
  phone: { valueType: "string", rules: ["phone"] },
  date: { valueType: "string", rules: ["isoDate", "dateRange"] },
  singleChoice: { valueType: "string", rules: ["option"] },
  number: { valueType: "number", rules: ["integer", "numberRange"] },
  multipleChoice: {
    valueType: "stringList",
    rules: ["options", "selectionCount"],
  },
  yesNo: { valueType: "boolean", rules: [] },
  consent: { valueType: "boolean", rules: ["accepted"] },
} as const satisfies Record<SimpleInputFieldType, FieldSpec>;
