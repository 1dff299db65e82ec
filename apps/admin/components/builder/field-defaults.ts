import type { Field, FieldType } from "@intake/form-schema";

/** Names of field types in the type picker and the outline. */
export const FIELD_TYPE_NAMES: Record<FieldType, string> = {
  shortText: "Short text",
  longText: "Long text",
  email: "Email",
  phone: "Phone",
  date: "Date",
  number: "Number",
  singleChoice: "Single choice",
  multipleChoice: "Multiple choice",
  yesNo: "Yes or no",
  consent: "Consent",
  address: "Address",
  signature: "Signature",
  file: "File upload",
  group: "Repeating group",
  heading: "Heading",
  paragraph: "Paragraph",
};

/**
 * Builds a new field of `type` with a label and content that pass
 * `validateDefinition`, so adding a field never blocks publishing.
 */
export function defaultField(type: FieldType, id: string): Field {
  const label = `Untitled ${FIELD_TYPE_NAMES[type].toLowerCase()}`;
  switch (type) {
    case "singleChoice":
    case "multipleChoice":
      return {
        id,
        type,
        label,
        options: [
          { value: "option1", label: "Option 1" },
          { value: "option2", label: "Option 2" },
        ],
      };
    case "heading":
      return { id, type, label: "Heading", text: "New heading" };
    case "paragraph":
      return { id, type, label: "Paragraph", text: "New paragraph" };
    case "consent":
      return { id, type, label: "I agree", statement: "" };
    case "signature":
      return { id, type, label: "Signature" };
    case "group":
      // A group needs an item field to publish, so it starts with one.
      return {
        id,
        type,
        label,
        itemLabel: "Item",
        fields: [{ id: `${id}Name`, type: "shortText", label: "Name" }],
      };
    default:
      return { id, type, label };
  }
}
