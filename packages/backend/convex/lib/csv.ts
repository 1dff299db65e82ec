import {
  type FormDefinition,
  type InputField,
  inputFields,
  isAnswerEmpty,
  isTypedSignatureAnswer,
} from "@intake/form-schema";

/** One column of a submissions export: a field id and its header. */
export type CsvColumn = { fieldId: string; label: string };

/** The parts of an exported submission that the CSV needs. */
export type CsvSubmission = {
  reference: string;
  version: number;
  submittedAt: number;
  reviewedAt: number | null;
  answers: Record<string, unknown>;
};

/** Headers of the columns every export starts with. */
export const fixedCsvHeaders = [
  "Reference",
  "Submitted at",
  "Status",
  "Version",
];

/**
 * Characters that make spreadsheet programs read a cell as a formula.
 * Tab and carriage return are on OWASP's CSV injection list too.
 */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * Encodes one cell for RFC 4180 CSV. Text that a spreadsheet would run as
 * a formula gets a leading single quote, so negative numbers in answers
 * are exported as text such as `'-5`.
 */
export function csvCell(text: string): string {
  const safe = formulaStart.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Encodes one CSV record, terminated by CRLF as RFC 4180 specifies. */
export function csvRow(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/**
 * Lists the answer columns of an export from the form's versions, newest
 * first. Each field id is one column, labelled as in the newest version
 * that has it, so renamed fields keep one column.
 */
export function exportColumns(
  definitions: readonly FormDefinition[],
): CsvColumn[] {
  const columns = new Map<string, CsvColumn>();
  for (const definition of definitions) {
    for (const field of inputFields(definition)) {
      if (!columns.has(field.id)) {
        columns.set(field.id, { fieldId: field.id, label: field.label });
      }
    }
  }
  return [...columns.values()];
}

/**
 * Flattens one answer to text, empty for no answer (see `isAnswerEmpty`).
 * Choice values become option labels when `field` is known, lists are
 * joined with "; ", and structured answers (address, signature, file,
 * repeating group) become a short text form.
 */
export function flattenAnswer(value: unknown, field?: InputField): string {
  // A blank typed name or a signature without strokes passes validation
  // as no answer, so it must not read as signed.
  if (isAnswerEmpty(value)) return "";
  if (typeof value === "boolean") {
    if (field?.type === "consent") return value ? "Accepted" : "Not accepted";
    return value ? "Yes" : "No";
  }
  if (typeof value === "string") return optionLabel(field, value);
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) {
    return value
      .map((item) =>
        typeof item === "object" && item !== null
          ? flattenObject(item as Record<string, unknown>)
          : optionLabel(field, String(item)),
      )
      .join("; ");
  }
  if (typeof value === "object") {
    return flattenObject(value as Record<string, unknown>);
  }
  return String(value);
}

function optionLabel(field: InputField | undefined, value: string): string {
  if (field === undefined || !("options" in field)) return value;
  const options = field.options as readonly { value: string; label: string }[];
  return options.find((option) => option.value === value)?.label ?? value;
}

/**
 * Text of a structured answer, without strokes or storage ids. A typed
 * signature is named as typed, so it is never mistaken for a drawn one.
 */
function flattenObject(value: Record<string, unknown>): string {
  if (Array.isArray(value.strokes)) return "Signed";
  if (isTypedSignatureAnswer(value)) {
    return `Typed signature: ${value.typedName}`;
  }
  if (typeof value.storageId === "string") {
    return typeof value.name === "string" ? value.name : "File";
  }
  return Object.entries(value)
    .filter(([, part]) => part !== undefined && part !== "")
    .map(([key, part]) =>
      typeof part === "object"
        ? `${key}: ${flattenAnswer(part)}`
        : String(part),
    )
    .join(", ");
}

/** Encodes the header record: the fixed columns, then one per field. */
export function csvHeader(columns: readonly CsvColumn[]): string {
  return csvRow([...fixedCsvHeaders, ...columns.map((column) => column.label)]);
}

/**
 * Encodes one submission as a CSV record. `fields` maps field ids to
 * the input fields of the submission's version, for option labels.
 * Times are ISO 8601 in UTC.
 */
export function submissionCsvRow(
  submission: CsvSubmission,
  columns: readonly CsvColumn[],
  fields: ReadonlyMap<string, InputField>,
): string {
  return csvRow([
    submission.reference,
    new Date(submission.submittedAt).toISOString(),
    submission.reviewedAt === null ? "New" : "Reviewed",
    String(submission.version),
    ...columns.map((column) =>
      flattenAnswer(
        submission.answers[column.fieldId],
        fields.get(column.fieldId),
      ),
    ),
  ]);
}
