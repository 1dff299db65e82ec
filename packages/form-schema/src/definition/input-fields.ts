import type { InputField } from "../fields";
import { isInputField } from "../fields/field-types";
import type { FormDefinition } from "./schema";

/** Lists every field that takes an answer, in page and field order. */
export function inputFields(definition: FormDefinition): InputField[] {
  const fields: InputField[] = [];
  for (const page of definition.pages) {
    for (const field of page.fields) {
      if (isInputField(field)) {
        fields.push(field);
      }
    }
  }
  return fields;
}
