import type { Answers, Field, FormDefinition, Page } from "@intake/form-schema";

/**
 * Lists the fields of `page` that patients would see with `answers`.
 * Fields have no conditions yet, so every field shows.
 */
export function previewVisibleFields(
  _definition: FormDefinition,
  page: Page,
  _answers: Answers,
): Field[] {
  return page.fields;
}
