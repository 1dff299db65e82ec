import type { FormDefinition } from "../definition/schema";
import type { FileField } from "../fields";
import { isPlainObject, ownValue } from "../logic/resolver";
import type { FileAnswer } from "./schema";

/**
 * One file answer with its field and its error key: the field id, or
 * `<groupId>.<index>.<fieldId>` inside a group item.
 */
export type FileAnswerEntry = {
  key: string;
  field: FileField;
  answer: FileAnswer;
};

/**
 * Lists every answer to a file field, top-level or inside group items, in
 * form order, with its field and error key. Values that are not
 * file-shaped objects are skipped, so run `validateAnswers` first to reject
 * them.
 */
export function fileAnswerEntries(
  definition: FormDefinition,
  answers: Readonly<Record<string, unknown>>,
): FileAnswerEntry[] {
  const entries: FileAnswerEntry[] = [];
  for (const page of definition.pages) {
    for (const field of page.fields) {
      const value = ownValue(answers, field.id);
      if (field.type === "file" && isFileAnswer(value)) {
        entries.push({ key: field.id, field, answer: value });
      }
      if (field.type !== "group" || !Array.isArray(value)) {
        continue;
      }
      value.forEach((item: unknown, index) => {
        if (!isPlainObject(item)) {
          return;
        }
        for (const itemField of field.fields) {
          const itemValue = ownValue(item, itemField.id);
          if (itemField.type === "file" && isFileAnswer(itemValue)) {
            const key = `${field.id}.${index}.${itemField.id}`;
            entries.push({ key, field: itemField, answer: itemValue });
          }
        }
      });
    }
  }
  return entries;
}

/** Lists every file answer, in groups too, as `fileAnswerEntries` finds them. */
export function fileAnswers(
  definition: FormDefinition,
  answers: Readonly<Record<string, unknown>>,
): FileAnswer[] {
  return fileAnswerEntries(definition, answers).map((entry) => entry.answer);
}

function isFileAnswer(value: unknown): value is FileAnswer {
  return (
    isPlainObject(value) &&
    typeof value.storageId === "string" &&
    typeof value.name === "string" &&
    typeof value.contentType === "string" &&
    typeof value.size === "number"
  );
}
