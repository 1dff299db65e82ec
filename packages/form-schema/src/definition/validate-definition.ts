import type { InputField } from "../fields";
import { isInputField } from "../fields/field-types";
import { maxGroupItems } from "../fields/group-items";
import { LIMITS } from "../fields/limits";
import { effectiveMaxLength } from "../rules/text";
import { fieldProblems } from "./field-problems";
import { logicProblems } from "./logic-problems";
import { translationProblems } from "./translation-problems";
import type { DefinitionProblem } from "./problem";
import { formDefinitionSchema, type FormDefinition } from "./schema";

/**
 * Checks whether a form can be published and lists every problem, or returns
 * `[]` when it can. A value that does not match `formDefinitionSchema` gets
 * one "invalidStructure" problem per zod issue and no further checks.
 * Otherwise the publishing rules apply: a title, labels and option values
 * that are not blank, unique page ids, field ids and option values,
 * non-empty option lists and pages, ranges whose minimum is not above their
 * maximum, patterns that compile, at least one input field, and answers
 * that fit `LIMITS`. Groups need an item label and at least one input
 * field, and their fields follow the same rules. Conditions must read an
 * input field that exists (inside a group, that group's own fields or
 * fields outside any group), compare with a value that suits the operator
 * and the field, and form no `showIf` cycle. Translations may only name
 * pages, fields and options that exist.
 */
export function validateDefinition(definition: unknown): DefinitionProblem[] {
  const parsed = formDefinitionSchema.safeParse(definition);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => ({
      code: "invalidStructure",
      path: issue.path.map((key) =>
        typeof key === "number" ? key : String(key),
      ),
      message: issue.message,
    }));
  }
  return [
    ...formProblems(parsed.data),
    ...pageProblems(parsed.data),
    ...logicProblems(parsed.data),
    ...translationProblems(parsed.data),
  ];
}

function formProblems(definition: FormDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  if (definition.title.trim() === "") {
    problems.push({
      code: "missingText",
      path: ["title"],
      message: "Enter a form title.",
    });
  }

  const fields = definition.pages.flatMap((page) => page.fields);
  const inputs = fields.filter(isInputField);
  if (inputs.length === 0) {
    problems.push({
      code: "noInputFields",
      path: ["pages"],
      message: "Add at least one question that patients can answer.",
    });
  }
  if (inputs.length > LIMITS.inputFields) {
    problems.push({
      code: "formTooLarge",
      path: ["pages"],
      message: `Remove questions until the form has at most ${LIMITS.inputFields}. It has ${inputs.length}.`,
    });
  }
  const answerCharacters = inputs.reduce(
    (sum, field) => sum + field.id.length + maxAnswerCharacters(field),
    0,
  );
  if (answerCharacters > LIMITS.answerCharacters) {
    problems.push({
      code: "formTooLarge",
      path: ["pages"],
      message:
        "Lower the maximum lengths or remove long-answer questions, because the answers could exceed the size a submission may have.",
    });
  }
  return problems;
}

function pageProblems(definition: FormDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const pageIds = new Set<string>();
  const fieldIds = new Set<string>();

  definition.pages.forEach((page, pageIndex) => {
    const pagePath = ["pages", pageIndex];
    if (pageIds.has(page.id)) {
      problems.push({
        code: "duplicatePageId",
        path: [...pagePath, "id"],
        message: `Use a page id other than "${page.id}", which an earlier page already uses.`,
      });
    }
    pageIds.add(page.id);
    if (page.fields.length === 0) {
      problems.push({
        code: "emptyPage",
        path: [...pagePath, "fields"],
        message: "Add a field to this page or delete the page.",
      });
    }

    page.fields.forEach((field, fieldIndex) => {
      const fieldPath = [...pagePath, "fields", fieldIndex];
      const checkId = (id: string, path: (string | number)[]) => {
        if (fieldIds.has(id)) {
          problems.push({
            code: "duplicateFieldId",
            path: [...path, "id"],
            message: `Use a field id other than "${id}", which an earlier field already uses.`,
          });
        }
        fieldIds.add(id);
      };
      checkId(field.id, fieldPath);
      // Ids inside groups share the form's namespace, so a condition or an
      // error key names exactly one field.
      if (field.type === "group") {
        field.fields.forEach((itemField, itemIndex) => {
          checkId(itemField.id, [...fieldPath, "fields", itemIndex]);
        });
      }
      problems.push(...fieldProblems(field, fieldPath));
    });
  });
  return problems;
}

/** Returns the length in characters of the longest answer a field accepts. */
export function maxAnswerCharacters(field: InputField): number {
  switch (field.type) {
    case "shortText":
    case "longText":
      return effectiveMaxLength(field);
    case "email":
      return LIMITS.emailLength;
    case "phone":
      return LIMITS.phoneLength;
    case "date":
      return "YYYY-MM-DD".length;
    case "number":
      // The longest JavaScript number text, like "-0.0000012345678901234567".
      return 25;
    case "singleChoice":
      return Math.max(0, ...field.options.map((option) => option.value.length));
    case "multipleChoice":
      return field.options.reduce(
        (sum, option) => sum + option.value.length,
        0,
      );
    case "yesNo":
    case "consent":
      return "false".length;
    case "address":
      return ADDRESS_ANSWER_CHARACTERS;
    case "signature":
      return SIGNATURE_ANSWER_CHARACTERS;
    case "file":
      return FILE_ANSWER_CHARACTERS;
    case "group":
      return groupAnswerCharacters(field);
  }
}

// Sizes of the longest JSON answers, keys and punctuation included.
const ADDRESS_ANSWER_CHARACTERS =
  4 * LIMITS.addressPartLength + LIMITS.postalCodeMaxLength + 80;
// Each coordinate is at most "4096.1" plus a comma, and each stroke adds
// its brackets.
const SIGNATURE_ANSWER_CHARACTERS =
  LIMITS.signaturePoints * 2 * 7 + LIMITS.signatureStrokes * 3 + 60;
const FILE_ANSWER_CHARACTERS =
  2 * LIMITS.fileTokenLength + LIMITS.fileNameLength + 16 + 60;

function groupAnswerCharacters(
  field: Extract<InputField, { type: "group" }>,
): number {
  let itemCharacters = 2;
  for (const itemField of field.fields) {
    if (isInputField(itemField)) {
      itemCharacters +=
        itemField.id.length + 4 + maxAnswerCharacters(itemField);
    }
  }
  return maxGroupItems(field) * itemCharacters;
}
