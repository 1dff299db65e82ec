import {
  isInputField,
  validateAnswers,
  type Answers,
  type FormDefinition,
} from "@intake/form-schema";

/** Types of a definition's top-level input fields, keyed by field id. */
export type FieldTypes = Record<string, string>;

/** Returns the type of each top-level input field of `definition`. */
export function fieldTypesOf(definition: FormDefinition): FieldTypes {
  const types: FieldTypes = {};
  for (const page of definition.pages) {
    for (const field of page.fields) {
      if (isInputField(field)) types[field.id] = field.type;
    }
  }
  return types;
}

/**
 * Returns the answers of another version of a form that still fit
 * `definition`: the field id still exists with the same type, and
 * form-schema's `validateAnswers` reports no error for the answer (a
 * group answer goes when any of its items has an error). `previousTypes`
 * are the field types of the version the answers were written for. A
 * draft saved without them is matched by field id and validation alone.
 */
export function carryOverAnswers(
  definition: FormDefinition,
  answers: Answers,
  previousTypes: FieldTypes | undefined,
): Answers {
  const types = fieldTypesOf(definition);
  const candidates: Answers = {};
  for (const [id, value] of Object.entries(answers)) {
    const type = types[id];
    if (type === undefined) continue;
    if (previousTypes !== undefined && previousTypes[id] !== type) continue;
    candidates[id] = value;
  }

  const errorKeys = Object.keys(validateAnswers(definition, candidates));
  const carried: Answers = {};
  for (const [id, value] of Object.entries(candidates)) {
    const failed = errorKeys.some(
      (key) => key === id || key.startsWith(`${id}.`),
    );
    if (!failed) carried[id] = value;
  }
  return carried;
}
