import type { Field, InputField } from "../fields";
import { isInputField } from "../fields/field-types";
import { effectiveMaxLength, compilePattern } from "../rules/text";
import type { DefinitionProblem, DefinitionProblemCode } from "./problem";

type Path = (string | number)[];

function problem(
  code: DefinitionProblemCode,
  path: Path,
  message: string,
): DefinitionProblem {
  return { code, path, message };
}

function isBlank(text: string): boolean {
  return text.trim() === "";
}

/**
 * Lists the publishing problems of one field, apart from duplicate ids,
 * which need the whole form. `path` is the field's path in the definition.
 */
export function fieldProblems(field: Field, path: Path): DefinitionProblem[] {
  if (!isInputField(field)) {
    return isBlank(field.text)
      ? [problem("missingText", [...path, "text"], "Enter the text to show.")]
      : [];
  }

  const problems = ruleProblems(field, path);
  if (isBlank(field.label)) {
    problems.push(
      problem("missingText", [...path, "label"], "Enter a question label."),
    );
  }
  return problems;
}

function ruleProblems(field: InputField, path: Path): DefinitionProblem[] {
  switch (field.type) {
    case "shortText":
    case "longText":
      return textProblems(field, path);
    case "number":
      return isAbove(field.min, field.max)
        ? [
            rangeProblem(
              path,
              "min",
              "Set a minimum that is not above the maximum.",
            ),
          ]
        : [];
    case "date":
      return isAbove(field.minDate, field.maxDate)
        ? [
            rangeProblem(
              path,
              "minDate",
              "Set an earliest date that is not after the latest date.",
            ),
          ]
        : [];
    case "singleChoice":
    case "multipleChoice":
      return choiceProblems(field, path);
    case "file":
      return field.accept !== undefined && field.accept.length === 0
        ? [
            problem(
              "emptyOptions",
              [...path, "accept"],
              "Add at least one accepted file type, or remove the list to accept JPEG, PNG, HEIC and PDF files.",
            ),
          ]
        : [];
    case "group":
      return groupProblems(field, path);
    default:
      return [];
  }
}

/** Checks that both bounds are set and the lower one is above the upper. */
function isAbove<T extends number | string>(
  lower: T | undefined,
  upper: T | undefined,
): boolean {
  return lower !== undefined && upper !== undefined && lower > upper;
}

function rangeProblem(path: Path, key: string, message: string) {
  return problem("invalidRange", [...path, key], message);
}

function textProblems(
  field: Extract<Field, { type: "shortText" | "longText" }>,
  path: Path,
): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const maxLength = effectiveMaxLength(field);
  if (field.minLength !== undefined && field.minLength > maxLength) {
    problems.push(
      problem(
        "invalidRange",
        [...path, "minLength"],
        `Set a minimum length of at most ${maxLength}, the maximum length.`,
      ),
    );
  }
  if (field.pattern !== undefined && compilePattern(field.pattern) === null) {
    problems.push(
      problem(
        "invalidPattern",
        [...path, "pattern"],
        "Fix the pattern: it is not a valid regular expression.",
      ),
    );
  }
  return problems;
}

function choiceProblems(
  field: Extract<Field, { type: "singleChoice" | "multipleChoice" }>,
  path: Path,
): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  if (field.options.length === 0) {
    problems.push(
      problem("emptyOptions", [...path, "options"], "Add at least one option."),
    );
  }

  const seen = new Set<string>();
  field.options.forEach((option, index) => {
    const optionPath = [...path, "options", index];
    if (isBlank(option.value)) {
      problems.push(
        problem(
          "missingText",
          [...optionPath, "value"],
          "Enter a stored value for this option.",
        ),
      );
    } else if (seen.has(option.value)) {
      problems.push(
        problem(
          "duplicateOptionValue",
          [...optionPath, "value"],
          `Use a value other than "${option.value}", which an earlier option already uses.`,
        ),
      );
    }
    seen.add(option.value);
    if (isBlank(option.label)) {
      problems.push(
        problem(
          "missingText",
          [...optionPath, "label"],
          "Enter an option label.",
        ),
      );
    }
  });

  if (field.type === "multipleChoice") {
    problems.push(...selectionProblems(field, path));
  }
  return problems;
}

function selectionProblems(
  field: Extract<Field, { type: "multipleChoice" }>,
  path: Path,
): DefinitionProblem[] {
  const { minSelected, maxSelected, options } = field;
  if (minSelected === undefined) {
    return [];
  }
  if (maxSelected !== undefined && minSelected > maxSelected) {
    return [
      rangeProblem(
        path,
        "minSelected",
        "Set a minimum number of choices that is not above the maximum.",
      ),
    ];
  }
  if (minSelected > options.length) {
    return [
      problem(
        "invalidRange",
        [...path, "minSelected"],
        `Set a minimum selected of at most ${options.length}, the number of options.`,
      ),
    ];
  }
  return [];
}

function groupProblems(
  field: Extract<Field, { type: "group" }>,
  path: Path,
): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  if (isBlank(field.itemLabel)) {
    problems.push(
      problem(
        "missingText",
        [...path, "itemLabel"],
        'Enter a name for one entry, like "Pet".',
      ),
    );
  }
  if (!field.fields.some(isInputField)) {
    problems.push(
      problem(
        "emptyGroup",
        [...path, "fields"],
        "Add at least one question to this group or delete the group.",
      ),
    );
  }
  if (isAbove(field.minItems, field.maxItems)) {
    problems.push(
      rangeProblem(
        path,
        "minItems",
        "Set a minimum number of entries that is not above the maximum.",
      ),
    );
  }
  field.fields.forEach((itemField, index) => {
    problems.push(...fieldProblems(itemField, [...path, "fields", index]));
  });
  return problems;
}
