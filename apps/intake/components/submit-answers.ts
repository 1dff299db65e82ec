import {
  isAnswerEmpty,
  isInputField,
  pruneHiddenAnswers,
  type Answers,
  type AnswerValue,
  type Field,
  type FormDefinition,
  type GroupAnswer,
  type ItemAnswerValue,
} from "@intake/form-schema";

/**
 * Returns the answers to send: answers to the input fields of
 * `definition` that its logic shows, with empty answers left out.
 * Answers to fields that a republished version dropped are left out too,
 * because the backend rejects unknown fields. Inside repeating group
 * items empty answers are dropped, but every item is kept, even an empty
 * one, so error keys such as `pets.1.name` match the items on screen.
 */
export function answersToSubmit(
  definition: FormDefinition,
  answers: Answers,
): Answers {
  const visible = pruneHiddenAnswers(definition, answers);
  const result: Answers = {};
  for (const page of definition.pages) {
    for (const field of page.fields) {
      const value = cleanAnswer(field, visible[field.id]);
      if (value !== undefined) result[field.id] = value;
    }
  }
  return result;
}

function cleanAnswer(
  field: Field,
  value: AnswerValue | undefined,
): AnswerValue | undefined {
  if (!isInputField(field) || value === undefined) return undefined;
  if (field.type !== "group") return isAnswerEmpty(value) ? undefined : value;
  if (!Array.isArray(value)) return value;

  const items: GroupAnswer = [];
  for (const item of value) {
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      items.push({});
      continue;
    }
    const kept: Record<string, ItemAnswerValue> = {};
    for (const [key, entry] of Object.entries(item)) {
      if (entry !== undefined && !isAnswerEmpty(entry)) kept[key] = entry;
    }
    items.push(kept);
  }
  return items.length > 0 ? items : undefined;
}

/**
 * Returns true when the error `key` belongs to `field`: the field's own id,
 * or `<field>.<index>.<item field>` for an item of a repeating group.
 */
export function errorKeysOf(field: Field, key: string): boolean {
  return key === field.id || key.startsWith(`${field.id}.`);
}
