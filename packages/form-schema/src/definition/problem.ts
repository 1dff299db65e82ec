/** Stable codes for why a form cannot be published. */
export const DEFINITION_PROBLEM_CODES = [
  "invalidStructure",
  "missingText",
  "duplicatePageId",
  "duplicateFieldId",
  "duplicateOptionValue",
  "emptyOptions",
  "emptyPage",
  "invalidRange",
  "invalidPattern",
  "noInputFields",
  "formTooLarge",
  "emptyGroup",
  "unknownLogicField",
  "invalidLogicValue",
  "logicCycle",
  "logicTooDeep",
  "unknownTranslation",
] as const;

/** A stable code for why a form cannot be published. */
export type DefinitionProblemCode = (typeof DEFINITION_PROBLEM_CODES)[number];

/**
 * One reason a form cannot be published. `path` locates the value in the
 * definition, like `["pages", 0, "fields", 2, "options"]`, and `message`
 * describes the change staff should make.
 */
export type DefinitionProblem = {
  code: DefinitionProblemCode;
  path: (string | number)[];
  message: string;
};
