import {
  evaluateCondition,
  isFieldRequired,
  isInputField,
  visibleFieldIds,
  visiblePages,
  type Answers,
  type AnswerValue,
  type Field,
  type FormDefinition,
  type Page,
} from "@intake/form-schema";
import type { ErrorSummaryItem } from "@intake/ui";
import { fieldControlId } from "@intake/ui";

import { fieldErrorText } from "./i18n/field-error-text";
import type { Locale } from "./i18n/locale";
import { errorKeysOf } from "./submit-answers";
import type { ShownError } from "./use-form-answers";

/**
 * Returns the pages the patient sees with `answers`: pages whose `showIf`
 * holds, each with only its shown fields, and `required` resolved from
 * `requireIf`. Progress and the review step count only these pages.
 */
export function visibleSteps(
  definition: FormDefinition,
  answers: Answers,
): Page[] {
  const shown = visibleFieldIds(definition, answers);
  return visiblePages(definition, answers).map((page) => ({
    ...page,
    fields: page.fields
      .filter((field) => !isInputField(field) || shown.has(field.id))
      .map((field) => resolveRequired(field, answers)),
  }));
}

/**
 * Applies logic to a field of one group item. Conditions may name fields
 * of the same item or of the form, and the item's answers win. Returns
 * null when the field is hidden.
 */
export function resolveItemField(
  field: Field,
  item: Record<string, AnswerValue>,
  answers: Answers,
): Field | null {
  const scope: Answers = { ...answers, ...item };
  if (field.showIf && !evaluateCondition(field.showIf, scope)) return null;
  return resolveRequired(field, scope);
}

function resolveRequired(field: Field, answers: Answers): Field {
  if (!isInputField(field) || field.requireIf === undefined) return field;
  return { ...field, required: isFieldRequired(field, answers) };
}

/**
 * Lists the errors of `fields` in page order, linked to their controls.
 * An error inside a group item names the item, such as "Pet 2 · Name".
 */
export function summaryItems(
  fields: readonly Field[],
  errors: Record<string, ShownError>,
  locale: Locale,
  answers: Answers,
): ErrorSummaryItem[] {
  const items: ErrorSummaryItem[] = [];
  for (const field of fields) {
    if (!isInputField(field)) continue;
    for (const [key, error] of Object.entries(errors)) {
      if (!errorKeysOf(field, key)) continue;
      const { label, target } = errorLabel(field, key);
      items.push({
        targetId: fieldControlId(key),
        message: `${label}: ${fieldErrorText(target, error, locale, answerAt(answers, key))}`,
      });
    }
  }
  return items;
}

function errorLabel(field: Field & { label: string }, key: string) {
  if (key === field.id || field.type !== "group") {
    return {
      label: field.label,
      target: isInputField(field) ? field : undefined,
    };
  }
  const [, index, itemFieldId] = key.split(".");
  const itemField = field.fields.find(
    (candidate) => candidate.id === itemFieldId,
  );
  const itemLabel = `${field.itemLabel} ${Number(index) + 1}`;
  return {
    label:
      itemField && isInputField(itemField)
        ? `${itemLabel} · ${itemField.label}`
        : itemLabel,
    target: itemField && isInputField(itemField) ? itemField : undefined,
  };
}

/**
 * Returns the answer an error key names: a field id, or
 * `<groupId>.<index>.<fieldId>` for a field of a group item.
 */
export function answerAt(answers: Answers, key: string): unknown {
  const [fieldId = "", index, itemFieldId] = key.split(".");
  const answer = Object.hasOwn(answers, fieldId) ? answers[fieldId] : undefined;
  if (index === undefined || itemFieldId === undefined) return answer;
  if (!Array.isArray(answer)) return undefined;
  const item: unknown = answer[Number(index)];
  if (typeof item !== "object" || item === null) return undefined;
  return Object.hasOwn(item, itemFieldId)
    ? (item as Record<string, unknown>)[itemFieldId]
    : undefined;
}

/** Returns the index of the first page with an error, or -1. */
export function firstPageWithError(
  pages: readonly Page[],
  errors: Record<string, unknown>,
): number {
  const keys = Object.keys(errors);
  return pages.findIndex((page) =>
    page.fields.some((field) => keys.some((key) => errorKeysOf(field, key))),
  );
}
