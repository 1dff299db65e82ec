import type { FormDefinition } from "../definition/schema";
import { isPlainObject, ownValue } from "../logic/resolver";
import type { FileAnswer } from "./schema";

/**
 * Lists every answer to a file field, top-level or inside group items, in
 * form order. Values that are not file-shaped objects are skipped, so run
 * `validateAnswers` first to reject them.
 */
export function fileAnswers(
  definition: FormDefinition,
  answers: Readonly<Record<string, unknown>>,
): FileAnswer[] {
  const files: FileAnswer[] = [];
  for (const page of definition.pages) {
    for (const field of page.fields) {
      const value = ownValue(answers, field.id);
      if (field.type === "file" && isFileAnswer(value)) {
        files.push(value);
      }
      if (field.type !== "group" || !Array.isArray(value)) {
        continue;
      }
      for (const item of value) {
        if (!isPlainObject(item)) {
          continue;
        }
        for (const itemField of field.fields) {
          const itemValue = ownValue(item, itemField.id);
          if (itemField.type === "file" && isFileAnswer(itemValue)) {
            files.push(itemValue);
          }
        }
      }
    }
  }
  return files;
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
