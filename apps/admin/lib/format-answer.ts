import type { AnswerValue, Field, FormDefinition } from "@intake/form-schema";
import { inputFields, isAnswerEmpty } from "@intake/form-schema";

/** Text shown for a field the patient left empty. */
export const NOT_ANSWERED = "Not answered";

/** One answered field, labelled from the version the patient answered. */
export type AnswerRow = { fieldId: string; label: string; text: string };

/** Answers of one page of the form. */
export type AnswerSection = {
  pageId: string;
  title: string;
  rows: AnswerRow[];
};

/**
 * Formats one answer as plain text for staff. Choice values become their
 * option labels, booleans become words and lists are joined with commas.
 */
export function formatAnswer(
  field: Field,
  value: AnswerValue | undefined,
): string {
  // false is an answer to a yes/no question, so booleans skip the empty test.
  if (typeof value === "boolean") {
    return formatBoolean(field, value);
  }
  if (value === undefined || isAnswerEmpty(value)) {
    return NOT_ANSWERED;
  }
  switch (field.type) {
    case "singleChoice":
      return optionLabel(field.options, String(value));
    case "multipleChoice":
      return (Array.isArray(value) ? value : [value])
        .map((item) => optionLabel(field.options, String(item)))
        .join(", ");
    default:
      return Array.isArray(value) ? value.join(", ") : String(value);
  }
}

function formatBoolean(field: Field, value: boolean): string {
  if (field.type === "consent") {
    return value ? "Accepted" : "Not accepted";
  }
  return value ? "Yes" : "No";
}

function optionLabel(
  options: readonly { value: string; label: string }[],
  value: string,
): string {
  return options.find((option) => option.value === value)?.label ?? value;
}

/**
 * Lays out `answers` page by page against `definition`, the version the
 * submission answered. Static fields take no answer and are left out.
 */
export function answerSections(
  definition: FormDefinition,
  answers: Record<string, AnswerValue>,
): AnswerSection[] {
  const answerable = new Set(inputFields(definition).map((field) => field.id));
  return definition.pages.map((page) => ({
    pageId: page.id,
    title: page.title,
    rows: page.fields
      .filter((field) => answerable.has(field.id))
      .map((field) => ({
        fieldId: field.id,
        label: field.label,
        text: formatAnswer(field, answers[field.id]),
      })),
  }));
}
