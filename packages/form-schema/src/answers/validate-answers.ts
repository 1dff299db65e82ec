import type { FormDefinition } from "../definition/schema";
import { isInputField } from "../fields";
import type { FieldErrors } from "../rules/field-error";
import { invalidTypeError, unknownFieldError } from "../rules/messages";
import { validateField } from "./validate-field";

/**
 * Validates a patient's answers against a form and returns the errors keyed
 * by field id, or `{}` when every answer is valid. Missing required answers,
 * wrong types and values outside the field's rules are reported under the
 * field's id. Keys that match no input field, static fields included, get
 * "unknownField" under their own key.
 *
 * An `answers` value that is not a plain object gets "invalidType" on every
 * input field. A publishable form has at least one input field, so that
 * result is never `{}`.
 *
 * For a definition that passes `validateDefinition`, `{}` also means the
 * answers match `answersSchema`, except for keys whose value is `undefined`
 * (which Convex drops). Every field's rules are at least as strict as the
 * schema's caps.
 */
export function validateAnswers(
  definition: FormDefinition,
  answers: unknown,
): FieldErrors {
  const errors: FieldErrors = {};
  const record = isPlainObject(answers) ? answers : undefined;
  const inputIds = new Set<string>();

  for (const page of definition.pages) {
    for (const field of page.fields) {
      if (!isInputField(field)) {
        continue;
      }
      inputIds.add(field.id);
      const error =
        record === undefined
          ? invalidTypeError(field.type)
          : validateField(field, ownValue(record, field.id));
      if (error !== null) {
        errors[field.id] = error;
      }
    }
  }

  if (record === undefined) {
    return errors;
  }
  for (const key of Object.keys(record)) {
    if (!inputIds.has(key) && record[key] !== undefined) {
      // defineProperty keeps a "__proto__" key an own property of the result.
      Object.defineProperty(errors, key, {
        value: unknownFieldError(),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return errors;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return false;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function ownValue(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
