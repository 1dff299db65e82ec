import {
  visibleFieldIds,
  type Answers,
  type Field,
  type FormDefinition,
  type Page,
} from "@intake/form-schema";

/**
 * Lists the fields of `page` that patients would see with `answers`, by
 * the fields' showIf conditions. The page's own showIf is not applied,
 * because the builder previews the page being edited either way.
 */
export function previewVisibleFields(
  definition: FormDefinition,
  page: Page,
  answers: Answers,
): Field[] {
  const visible = visibleFieldIds(definition, answers);
  return page.fields.filter((field) => visible.has(field.id));
}
