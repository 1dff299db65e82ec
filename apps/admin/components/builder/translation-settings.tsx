"use client";

import {
  isInputField,
  LIMITS,
  type Field,
  type FieldTranslation,
  type FormDefinition,
} from "@intake/form-schema";

import { TextSetting } from "./setting-inputs";
import {
  setFormTranslation,
  setPageTranslation,
} from "./translation-operations";

/**
 * Edits the Spanish title and description of the form and the Spanish
 * title of each page, in a section that opens on request.
 */
export function FormSpanishSettings({
  definition,
  onEdit,
}: {
  definition: FormDefinition;
  onEdit: (edit: (current: FormDefinition) => FormDefinition) => void;
}) {
  const spanish = definition.translations?.es;
  const showsDescription =
    definition.description !== undefined || spanish?.description !== undefined;

  return (
    <details className="flex flex-col gap-3">
      <summary className="min-h-12 cursor-pointer py-3 font-semibold">
        Spanish title and page titles
      </summary>
      <div className="flex flex-col gap-3">
        <TextSetting
          label="Form title in Spanish"
          help={englishHelp(definition.title)}
          value={spanish?.title ?? ""}
          maxLength={LIMITS.labelLength}
          onChange={(text) =>
            onEdit((current) => setFormTranslation(current, "title", text))
          }
        />
        {showsDescription && (
          <TextSetting
            label="Description in Spanish"
            help={englishHelp(definition.description)}
            value={spanish?.description ?? ""}
            multiline
            maxLength={LIMITS.textBlockLength}
            onChange={(text) =>
              onEdit((current) =>
                setFormTranslation(current, "description", text),
              )
            }
          />
        )}
        {definition.pages.map((page, index) => (
          <TextSetting
            key={page.id}
            label={`Page ${index + 1} title in Spanish`}
            help={
              page.title === ""
                ? "The page has no English title."
                : `English: ${page.title}`
            }
            value={spanish?.pages?.[page.id]?.title ?? ""}
            maxLength={LIMITS.labelLength}
            onChange={(text) =>
              onEdit((current) => setPageTranslation(current, page.id, text))
            }
          />
        ))}
      </div>
    </details>
  );
}

/**
 * Edits the Spanish text of one field. Each input shows while the field
 * has the English text it translates, or while a translation remains to
 * clear, because a translation of text the field lacks blocks publishing.
 */
export function SpanishSettings({
  legend = "Spanish translation",
  field,
  translation = {},
  onChange,
}: {
  legend?: string;
  field: Field;
  translation: FieldTranslation | undefined;
  onChange: (next: FieldTranslation) => void;
}) {
  const english = field as EnglishText;
  const set = (patch: FieldTranslation) =>
    onChange({ ...translation, ...patch });
  const shows = (english: string | undefined, spanish: string | undefined) =>
    english !== undefined || spanish !== undefined;

  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-2 font-semibold">{legend}</legend>
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
      {BLOCKS.map(
        ({ key, label, maxLength }) =>
          shows(english[key], translation[key]) && (
            <TextSetting
              key={key}
              label={label}
              help={englishHelp(english[key])}
              value={translation[key] ?? ""}
              multiline={maxLength === LIMITS.textBlockLength}
              maxLength={maxLength}
              onChange={(text) => set({ [key]: text })}
            />
          ),
      )}
      {optionRows(english.options, translation.options).map(
        ({ value, label, help }) =>
          isTranslationKey(value) ? (
            <TextSetting
              key={value}
              label={label}
              help={help}
              value={translation.options?.[value] ?? ""}
              maxLength={LIMITS.labelLength}
              onChange={(text) =>
                set({ options: withOption(translation.options, value, text) })
              }
            />
          ) : (
            <p key={value} className="text-muted text-sm">
              {`The stored value "${value}" cannot carry a Spanish label. Use only ASCII letters, digits and punctuation, not starting with "$", to translate this option.`}
            </p>
          ),
      )}
    </fieldset>
  );
}

/** English text a field may carry besides its label and help. */
interface EnglishText {
  statement?: string;
  text?: string;
  itemLabel?: string;
  placeholder?: string;
  patternMessage?: string;
  options?: { value: string; label: string }[];
}

/** Texts other field types carry, in display order. */
const BLOCKS = [
  {
    key: "statement",
    label: "Statement in Spanish",
    maxLength: LIMITS.textBlockLength,
  },
  { key: "text", label: "Text in Spanish", maxLength: LIMITS.textBlockLength },
  {
    key: "itemLabel",
    label: "Item name in Spanish",
    maxLength: LIMITS.labelLength,
  },
  {
    key: "placeholder",
    label: "Placeholder in Spanish",
    maxLength: LIMITS.hintLength,
  },
  {
    key: "patternMessage",
    label: "Pattern message in Spanish",
    maxLength: LIMITS.hintLength,
  },
] as const;

/**
 * Lists an input for each option, then one for each Spanish option label
 * whose option is gone, so that translation can be cleared.
 */
function optionRows(
  options: EnglishText["options"],
  spanish: Record<string, string> | undefined,
): { value: string; label: string; help?: string }[] {
  const rows: { value: string; label: string; help?: string }[] = (
    options ?? []
  ).map((option) => ({
    value: option.value,
    label: `Option "${option.label}" in Spanish`,
  }));
  const values = new Set(rows.map((row) => row.value));
  for (const value of Object.keys(spanish ?? {})) {
    if (values.has(value)) continue;
    rows.push({
      value,
      label: `Option value "${value}" in Spanish`,
      help: "The field has no option with this value, so clear this translation.",
    });
  }
  return rows;
}

/**
 * Checks whether an option value can key its Spanish label. The labels are
 * stored as an object keyed by value, and Convex accepts only printable
 * ASCII field names that do not start with "$". "__proto__" would set the
 * object's prototype instead of a key.
 */
function isTranslationKey(value: string): boolean {
  return (
    /^[\x20-\x7e]*$/.test(value) &&
    !value.startsWith("$") &&
    value !== "__proto__"
  );
}

/**
 * Returns the option labels with this option's Spanish label set, or
 * without it when blank, or undefined when none is left.
 */
function withOption(
  options: Record<string, string> | undefined,
  value: string,
  label: string,
): Record<string, string> | undefined {
  const next = { ...options };
  if (label.trim() === "") {
    delete next[value];
  } else {
    next[value] = label;
  }
  return Object.keys(next).length === 0 ? undefined : next;
}

function englishHelp(english: string | undefined): string {
  return english === undefined
    ? "The field has no English text here, so clear this translation."
    : `English: ${english}`;
}
