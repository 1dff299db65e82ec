import {
  isTypedSignatureAnswer,
  type AnswerValue,
  type ChoiceOption,
  type InputField,
} from "@intake/form-schema";
import { formatBytes } from "@intake/ui";

import { MESSAGES, type Messages } from "./i18n/messages";

/**
 * Formats an answer as the plain text the review step shows: option labels
 * for choices, "Yes" or "No", "Agreed" for a ticked consent box, an
 * address on three lines, "Signed" for a drawn signature and the name for a
 * typed one, a file's name and
 * size, and the typed text otherwise. An option value missing from the
 * field shows as is. Repeating groups are listed item by item by the
 * review itself, so they get a count here.
 */
export function answerText(
  field: InputField,
  value: AnswerValue,
  text: Messages["review"] = MESSAGES.en.review,
  numberLocale = "en-US",
): string {
  switch (field.type) {
    case "singleChoice":
      return optionLabel(field.options, String(value));
    case "multipleChoice": {
      const values = Array.isArray(value) ? value : [String(value)];
      return values
        .map((item) => optionLabel(field.options, String(item)))
        .join(", ");
    }
    case "yesNo":
      return value === true ? text.yes : text.no;
    case "consent":
      return value === true ? text.agreed : text.notAgreed;
    case "address":
      return addressText(value);
    case "signature":
      return isTypedSignatureAnswer(value)
        ? text.typedSignature(value.typedName.trim())
        : text.signed;
    case "file": {
      const file = value as { name?: unknown; size?: unknown };
      const size = typeof file.size === "number" ? file.size : 0;
      return text.file(
        String(file.name ?? ""),
        formatBytes(size, numberLocale),
      );
    }
    case "group":
      return String(Array.isArray(value) ? value.length : 0);
    default:
      return Array.isArray(value) ? value.join(", ") : String(value);
  }
}

function addressText(value: AnswerValue): string {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return String(value);
  }
  const address = value as Record<string, unknown>;
  const part = (key: string) =>
    typeof address[key] === "string" ? (address[key] as string) : "";
  const place = [part("city"), part("region")].filter(Boolean).join(", ");
  return [
    part("line1"),
    part("line2"),
    [place, part("postalCode")].filter(Boolean).join(" "),
  ]
    .filter((line) => line !== "")
    .join("\n");
}

function optionLabel(options: readonly ChoiceOption[], value: string): string {
  return options.find((option) => option.value === value)?.label ?? value;
}
