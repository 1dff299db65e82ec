import type { AnswerValue, Field, FormDefinition } from "@intake/form-schema";
import { flattenAnswer } from "@intake/backend/csv";
import { inputFields, isAnswerEmpty } from "@intake/form-schema";

/** Text shown for a field the patient left empty. */
export const NOT_ANSWERED = "Not answered";

/**
 * One answered field, labelled from the version the patient answered.
 * `value` and `type` let the view draw signatures and files, and `items`
 * contains the rows of each repeating group item.
 */
export type AnswerRow = {
  fieldId: string;
  label: string;
  text: string;
  type: Field["type"];
  value?: AnswerValue;
  items?: { label: string; rows: AnswerRow[] }[];
};

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
      // Address, signature, file and group answers are objects.
      if (typeof value === "object") return flattenAnswer(value);
      return String(value);
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
      .map((field) => answerRow(field, answers[field.id])),
  }));
}

function answerRow(field: Field, value: AnswerValue | undefined): AnswerRow {
  const row: AnswerRow = {
    fieldId: field.id,
    label: field.label,
    text: formatAnswer(field, value),
    type: field.type,
    value,
  };
  if (field.type === "group" && Array.isArray(value)) {
    const itemFields = field.fields.filter((item) => "label" in item);
    row.items = (value as Record<string, AnswerValue>[]).map((item, index) => ({
      label: `${field.itemLabel} ${index + 1}`,
      rows: itemFields.map((itemField) =>
        answerRow(itemField as Field, item[itemField.id]),
      ),
    }));
  }
  return row;
}
