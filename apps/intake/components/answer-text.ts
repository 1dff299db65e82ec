import type { AnswerValue, InputField } from "@intake/form-schema";

/**
 * Formats an answer as the plain text the review step shows: option labels
 * for choices, "Yes" or "No", "Agreed" for a ticked consent box, and the
 * typed text otherwise. An option value missing from the field shows as is.
 */
export function answerText(field: InputField, value: AnswerValue): string {
  switch (field.type) {
    case "singleChoice":
      return optionLabel(field.options, String(value));
    case "multipleChoice": {
      const values = Array.isArray(value) ? value : [value];
      return values
        .map((item) => optionLabel(field.options, String(item)))
        .join(", ");
    }
    case "yesNo":
      return value === true ? "Yes" : "No";
    case "consent":
      return value === true ? "Agreed" : "Not agreed";
    default:
      return Array.isArray(value) ? value.join(", ") : String(value);
  }
}

function optionLabel(
  options: readonly { value: string; label: string }[],
  value: string,
): string {
  return options.find((option) => option.value === value)?.label ?? value;
}
