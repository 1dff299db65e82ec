import type { GroupField, ItemField } from "../fields";
import { isInputField } from "../fields/field-types";
import { maxGroupItems } from "../fields/group-items";
import type { FieldError, FieldErrors } from "../rules/field-error";
import {
  invalidTypeError,
  requiredError,
  tooFewItemsError,
  tooManyItemsError,
  unknownFieldError,
} from "../rules/messages";
import { isPlainObject, ownValue } from "../logic/resolver";
import { validateValue } from "./validate-field";

/** Decides, per item, which item fields are shown and required. */
export type ItemLogic = {
  isVisible(index: number, field: ItemField): boolean;
  isRequired(index: number, field: ItemField): boolean;
};

/** Item logic that ignores `showIf` and `requireIf`. */
const STATIC_ITEM_LOGIC: ItemLogic = {
  isVisible: () => true,
  isRequired: (_index, field) => isInputField(field) && field.required === true,
};

/**
 * Validates a group answer and adds its errors to `errors`: shape and item
 * count errors under the group id, and item errors under
 * `<groupId>.<index>.<fieldId>`. An empty list is no answer. `required`
 * means at least `minItems` items, or one when `minItems` is unset.
 */
export function validateGroup(
  group: GroupField,
  value: unknown,
  required: boolean,
  logic: ItemLogic,
  errors: FieldErrors,
) {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) {
    if (required) {
      errors[group.id] = requiredError("group");
    }
    return;
  }
  if (!Array.isArray(value) || !value.every(isPlainObject)) {
    errors[group.id] = invalidTypeError("group");
    return;
  }

  const maxItems = maxGroupItems(group);
  if (value.length > maxItems) {
    // Items past the cap are not read, so a huge list costs little.
    errors[group.id] = tooManyItemsError(maxItems);
    return;
  }
  const minItems = group.minItems ?? (required ? 1 : 0);
  if (value.length < minItems) {
    errors[group.id] = tooFewItemsError(minItems);
  }

  value.forEach((item, index) => {
    validateItem(group, item, index, logic, errors);
  });
}

function validateItem(
  group: GroupField,
  item: Record<string, unknown>,
  index: number,
  logic: ItemLogic,
  errors: FieldErrors,
) {
  const inputIds = new Set<string>();
  for (const field of group.fields) {
    if (!isInputField(field)) {
      continue;
    }
    inputIds.add(field.id);
    if (!logic.isVisible(index, field)) {
      continue;
    }
    const required = logic.isRequired(index, field);
    const error = validateValue(field, ownValue(item, field.id), required);
    if (error !== null) {
      errors[`${group.id}.${index}.${field.id}`] = error;
    }
  }
  for (const key of Object.keys(item)) {
    if (!inputIds.has(key) && item[key] !== undefined) {
      errors[`${group.id}.${index}.${key}`] = unknownFieldError();
    }
  }
}

/**
 * Returns the first error of a group answer without conditional logic, as
 * `validateField` reports it.
 */
export function firstGroupError(
  group: GroupField,
  value: unknown,
  required: boolean,
): FieldError | null {
  const errors: FieldErrors = {};
  validateGroup(group, value, required, STATIC_ITEM_LOGIC, errors);
  return errors[group.id] ?? Object.values(errors)[0] ?? null;
}
