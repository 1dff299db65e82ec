"use client";

import {
  FIELD_ID_PATTERN,
  isInputField,
  type Field,
  type FieldTranslation,
} from "@intake/form-schema";
import { memo, useEffect, useState } from "react";

import { nestedFields } from "./draft-operations";
import { FIELD_TYPE_NAMES } from "./field-defaults";
import { LogicEditor } from "./logic-editor";
import type { LocatedProblem } from "./problems";
import { RuleSettings } from "./rule-settings";
import { SpanishSettings } from "./translation-settings";
import {
  CheckboxSetting,
  TextSetting,
  withoutUndefined,
} from "./setting-inputs";

/** Props of {@link FieldSettings}. */
export interface FieldSettingsProps {
  field: Field;
  problems: LocatedProblem[];
  /** Replaces the field. The id may change. */
  onChange: (fieldId: string, next: Field) => void;
  /** The fields a logic rule of this field may test. */
  logicSources: Field[];
  /** Returns every field id of the form. */
  takenIds: () => Set<string>;
  /** The Spanish text of the form's fields, keyed by field id. */
  translations: Partial<Record<string, FieldTranslation>> | undefined;
  /** Replaces the field's Spanish text. */
  onTranslationChange: (fieldId: string, next: FieldTranslation) => void;
}

/**
 * Edits one field: the label, help and required flag every field has, the
 * answer key (its id), the rules of its type, its Spanish text and its
 * conditional logic.
 * Problems of the field are listed at the top.
 */
export const FieldSettings = memo(function FieldSettings({
  field,
  problems,
  onChange,
  logicSources,
  takenIds,
  translations,
  onTranslationChange,
}: FieldSettingsProps) {
  const change = (patch: Partial<Field>) =>
    onChange(field.id, withoutUndefined({ ...field, ...patch }) as Field);

  return (
    <section
      aria-labelledby="field-settings-heading"
      className="flex flex-col gap-4"
    >
      <h2 id="field-settings-heading" className="text-lg font-semibold">
        {FIELD_TYPE_NAMES[field.type]} settings
      </h2>
      {problems.length > 0 && (
        <ul
          aria-label="Problems of this field"
          className="text-danger list-disc pl-5"
        >
          {problems.map((problem, index) => (
            <li key={index}>{problem.message}</li>
          ))}
        </ul>
      )}
      <TextSetting
        label={isInputField(field) ? "Question label" : "Block name"}
        value={field.label}
        maxLength={200}
        onChange={(label) => change({ label })}
      />
      <TextSetting
        label="Help text"
        value={field.help ?? ""}
        multiline
        onChange={(help) => change({ help: help === "" ? undefined : help })}
      />
      {isInputField(field) && (
        <CheckboxSetting
          label="Required"
          checked={field.required === true}
          onChange={(required) =>
            change({ required: required ? true : undefined })
          }
        />
      )}
      <FieldIdSetting
        fieldId={field.id}
        takenIds={takenIds}
        onChange={(id) => onChange(field.id, { ...field, id })}
      />
      <RuleSettings
        field={field}
        takenIds={takenIds}
        onChange={(next) => onChange(field.id, next)}
      />
      <SpanishSettings
        field={field}
        translation={translations?.[field.id]}
        onChange={(next) => onTranslationChange(field.id, next)}
      />
      {nestedFields(field).map((item, index) => (
        <SpanishSettings
          key={item.id}
          legend={`Spanish translation of item field ${index + 1}`}
          field={item}
          translation={translations?.[item.id]}
          onChange={(next) => onTranslationChange(item.id, next)}
        />
      ))}
      <LogicEditor
        title="Show only when"
        condition={field.showIf}
        sources={logicSources}
        onChange={(showIf) => change({ showIf })}
      />
      {isInputField(field) && (
        <LogicEditor
          title="Require only when"
          condition={field.requireIf}
          sources={logicSources}
          onChange={(requireIf) => change({ requireIf })}
        />
      )}
    </section>
  );
});

/**
 * Edits the answer key. Text that breaks `FIELD_ID_PATTERN` stays in the
 * input with an error and is not applied, because the server rejects a
 * draft with such an id. A key another field uses is not applied either,
 * because the builder finds fields by id.
 */
function FieldIdSetting({
  fieldId,
  takenIds,
  onChange,
}: {
  fieldId: string;
  takenIds: () => Set<string>;
  onChange: (id: string) => void;
}) {
  const [text, setText] = useState(fieldId);
  useEffect(() => setText(fieldId), [fieldId]);
  const error = idError(text, fieldId, takenIds);

  return (
    <TextSetting
      label="Answer key"
      help="Names this answer in exports. Letters, digits and underscores, starting with a lowercase letter."
      value={text}
      maxLength={64}
      error={error}
      onChange={(next) => {
        setText(next);
        if (idError(next, fieldId, takenIds) === null) onChange(next);
      }}
    />
  );
}

function idError(
  text: string,
  fieldId: string,
  takenIds: () => Set<string>,
): string | null {
  if (!FIELD_ID_PATTERN.test(text)) {
    return "Use 1 to 64 letters, digits or underscores, starting with a lowercase letter.";
  }
  if (text !== fieldId && takenIds().has(text)) {
    return `Another field already uses "${text}". Choose another answer key.`;
  }
  return null;
}
