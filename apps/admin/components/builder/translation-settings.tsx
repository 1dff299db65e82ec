"use client";

import {
  isInputField,
  LIMITS,
  type Field,
  type FieldTranslation,
} from "@intake/form-schema";

import { TextSetting } from "./setting-inputs";

/**
 * Edits the Spanish text of one field. Each input shows while the field
 * has the English text it translates, or while a translation remains to
 * clear, because a translation of text the field lacks blocks publishing.
 */
export function SpanishSettings({
  field,
  translation = {},
  onChange,
}: {
  field: Field;
  translation: FieldTranslation | undefined;
  onChange: (next: FieldTranslation) => void;
}) {
  const hints = field as { placeholder?: string; patternMessage?: string };
  const set = (patch: FieldTranslation) =>
    onChange({ ...translation, ...patch });
  const shows = (english: string | undefined, spanish: string | undefined) =>
    english !== undefined || spanish !== undefined;

  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-2 font-semibold">Spanish translation</legend>
      <p className="text-muted text-sm">
        Patients who read the form in Spanish see this text. Text left blank
        shows in English.
      </p>
      {isInputField(field) && (
        <TextSetting
          label="Label in Spanish"
          value={translation.label ?? ""}
          maxLength={LIMITS.labelLength}
          onChange={(label) => set({ label })}
        />
      )}
      {shows(field.help, translation.help) && (
        <TextSetting
          label="Help in Spanish"
          value={translation.help ?? ""}
          multiline
          maxLength={LIMITS.textBlockLength}
          onChange={(help) => set({ help })}
        />
      )}
      {HINTS.map(
        ({ key, label }) =>
          shows(hints[key], translation[key]) && (
            <TextSetting
              key={key}
              label={label}
              help={englishHelp(hints[key])}
              value={translation[key] ?? ""}
              maxLength={LIMITS.hintLength}
              onChange={(text) => set({ [key]: text })}
            />
          ),
      )}
    </fieldset>
  );
}

/** Hint texts of text, email, phone and number fields, in display order. */
const HINTS = [
  { key: "placeholder", label: "Placeholder in Spanish" },
  { key: "patternMessage", label: "Pattern message in Spanish" },
] as const;

function englishHelp(english: string | undefined): string {
  return english === undefined
    ? "The field has no English text here, so clear this translation."
    : `English: ${english}`;
}
