"use client";

import type { Field } from "@intake/form-schema";

import { FileSettings } from "./file-settings";
import { GroupSettings } from "./group-settings";
import { OptionsEditor } from "./options-editor";
import {
  CheckboxSetting,
  DateSetting,
  NumberSetting,
  TextSetting,
  withoutUndefined,
} from "./setting-inputs";

/** Edits the type-specific settings and answer rules of a field. */
export function RuleSettings({
  field,
  takenIds,
  onChange,
}: {
  field: Field;
  /** Returns every field id of the form, for new group item fields. */
  takenIds: () => Set<string>;
  onChange: (next: Field) => void;
}) {
  // Each case spreads the narrowed field, so `set` keeps the field's type.
  function set<F extends Field>(current: F, patch: Partial<F>) {
    onChange(withoutUndefined({ ...current, ...patch }));
  }
  const optionalText = (text: string) => (text === "" ? undefined : text);

  switch (field.type) {
    case "shortText":
    case "longText":
      return (
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-2 font-semibold">Answer rules</legend>
          <NumberSetting
            label="Minimum length"
            integer
            min={0}
            value={field.minLength}
            onChange={(minLength) => set(field, { minLength })}
          />
          <NumberSetting
            label="Maximum length"
            integer
            min={1}
            value={field.maxLength}
            onChange={(maxLength) => set(field, { maxLength })}
          />
          <TextSetting
            label="Pattern"
            help="A regular expression the whole answer must match, like [0-9]{5}."
            value={field.pattern ?? ""}
            maxLength={500}
            onChange={(pattern) =>
              set(field, { pattern: optionalText(pattern) })
            }
          />
          <TextSetting
            label="Pattern message"
            value={field.patternMessage ?? ""}
            maxLength={200}
            onChange={(patternMessage) =>
              set(field, { patternMessage: optionalText(patternMessage) })
            }
          />
          <TextSetting
            label="Placeholder"
            value={field.placeholder ?? ""}
            maxLength={200}
            onChange={(placeholder) =>
              set(field, { placeholder: optionalText(placeholder) })
            }
          />
        </fieldset>
      );
    case "email":
    case "phone":
      return (
        <TextSetting
          label="Placeholder"
          value={field.placeholder ?? ""}
          maxLength={200}
          onChange={(placeholder) =>
            set(field, { placeholder: optionalText(placeholder) })
          }
        />
      );
    case "number":
      return (
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-2 font-semibold">Answer rules</legend>
          <NumberSetting
            label="Minimum"
            value={field.min}
            onChange={(min) => set(field, { min })}
          />
          <NumberSetting
            label="Maximum"
            value={field.max}
            onChange={(max) => set(field, { max })}
          />
          <CheckboxSetting
            label="Whole numbers only"
            checked={field.integer === true}
            onChange={(integer) =>
              set(field, { integer: integer ? true : undefined })
            }
          />
        </fieldset>
      );
    case "date":
      return (
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-2 font-semibold">Answer rules</legend>
          <DateSetting
            label="Earliest date"
            value={field.minDate}
            onChange={(minDate) => set(field, { minDate })}
          />
          <DateSetting
            label="Latest date"
            value={field.maxDate}
            onChange={(maxDate) => set(field, { maxDate })}
          />
        </fieldset>
      );
    case "singleChoice":
      return (
        <OptionsEditor
          options={field.options}
          onChange={(options) => set(field, { options })}
        />
      );
    case "multipleChoice":
      return (
        <>
          <OptionsEditor
            options={field.options}
            onChange={(options) => set(field, { options })}
          />
          <NumberSetting
            label="Minimum choices"
            integer
            min={0}
            value={field.minSelected}
            onChange={(minSelected) => set(field, { minSelected })}
          />
          <NumberSetting
            label="Maximum choices"
            integer
            min={1}
            value={field.maxSelected}
            onChange={(maxSelected) => set(field, { maxSelected })}
          />
        </>
      );
    case "file":
      return <FileSettings field={field} onChange={onChange} />;
    case "group":
      return (
        <GroupSettings
          field={field}
          takenIds={takenIds()}
          onChange={onChange}
        />
      );
    case "signature":
      return (
        <TextSetting
          label="Statement"
          help="The text patients sign, shown above the signature pad."
          multiline
          value={field.statement ?? ""}
          onChange={(statement) =>
            set(field, { statement: optionalText(statement) })
          }
        />
      );
    case "consent":
      return (
        <TextSetting
          label="Statement"
          help="The full text patients agree to, shown above the checkbox."
          multiline
          value={field.statement ?? ""}
          onChange={(statement) => set(field, { statement })}
        />
      );
    case "heading":
    case "paragraph":
      return (
        <TextSetting
          label="Text shown to patients"
          multiline={field.type === "paragraph"}
          value={field.text}
          onChange={(text) => set(field, { text })}
        />
      );
    default:
      return null;
  }
}
