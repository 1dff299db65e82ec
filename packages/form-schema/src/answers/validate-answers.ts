import type { FormDefinition } from "../definition/schema";
import { isInputField } from "../fields/field-types";
import { VisibilityResolver, isPlainObject, ownValue } from "../logic/resolver";
import { isRequiredWith, pruneRecord, setOwn } from "../logic/visibility";
import type { FieldErrors } from "../rules/field-error";
import { invalidTypeError, unknownFieldError } from "../rules/messages";
import { validateValue } from "./validate-field";
import { validateGroup, type ItemLogic } from "./validate-group";

/**
 * Validates a patient's answers against a form and returns the errors keyed
 * by field id, or `{}` when every answer is valid. Missing required answers,
 * wrong types and values outside the field's rules are reported under the
 * field's id, and errors inside a group item under
 * `<groupId>.<index>.<fieldId>`. Keys that match no input field, static
 * fields included, get "unknownField" under their own key.
 *
 * Validation runs as if on `pruneHiddenAnswers(definition, answers)`:
 * fields hidden by `showIf` (their own or their page's) are never required
 * and their answers are not checked. `requireIf` makes a shown field
 * required.
 *
 * An `answers` value that is not a plain object gets "invalidType" on every
 * top-level input field. A publishable form has at least one input field,
 * so that result is never `{}`.
 *
 * For a definition that passes `validateDefinition`, `{}` also means the
 * pruned answers match `answersSchema`, except for keys whose value is
 * `undefined` (which Convex drops). Every field's rules are at least as
 * strict as the schema's caps.
 */
export function validateAnswers(
  definition: FormDefinition,
  answers: unknown,
): FieldErrors {
  const errors: FieldErrors = {};
  if (!isPlainObject(answers)) {
    for (const page of definition.pages) {
      for (const field of page.fields) {
        if (isInputField(field)) {
          errors[field.id] = invalidTypeError(field.type);
        }
      }
    }
    return errors;
  }

  const pruned = pruneRecord(definition, answers);
  const resolver = new VisibilityResolver(definition, answers);
  const inputIds = new Set<string>();

  for (const page of definition.pages) {
    for (const field of page.fields) {
      if (!isInputField(field)) {
        continue;
      }
      inputIds.add(field.id);
      if (!resolver.isFieldVisible(field.id)) {
        continue;
      }
      const value = ownValue(pruned, field.id);
      const required = isRequiredWith(field, resolver.lookup);
      if (field.type === "group") {
        const logic: ItemLogic = {
          isVisible: (index, itemField) =>
            resolver.isItemFieldVisible(field, index, itemField),
          isRequired: (index, itemField) =>
            isRequiredWith(itemField, resolver.itemLookup(field, index)),
        };
        validateGroup(field, value, required, logic, errors);
        continue;
      }
      const error = validateValue(field, value, required);
      if (error !== null) {
        errors[field.id] = error;
      }
    }
  }

  for (const key of Object.keys(pruned)) {
    if (!inputIds.has(key) && pruned[key] !== undefined) {
      // setOwn keeps a "__proto__" key an own property of the result.
      setOwn(errors, key, unknownFieldError());
    }
  }
  return errors;
}
