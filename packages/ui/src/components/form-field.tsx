"use client";

import type { AnswerValue, Field, ItemAnswerValue } from "@intake/form-schema";
import { lazy, Suspense } from "react";

import {
  answerAsAddress,
  answerAsBoolean,
  answerAsFile,
  answerAsItems,
  answerAsSignature,
  answerAsString,
  answerAsStrings,
} from "../lib/answer-value";
import { AddressInput } from "./address-input";
import { Checkbox } from "./checkbox";
import { CheckboxGroup } from "./checkbox-group";
import { FieldShell, type FieldControlProps } from "./field-shell";
import { NumberInput } from "./number-input";
import { RadioGroup } from "./radio-group";
import { RepeatingGroup, type GroupItem } from "./repeating-group";
import { Select } from "./select";
import { TextArea } from "./text-area";
import { TextInput } from "./text-input";
import { useUiText } from "../text/ui-text-context";
import { YesNo } from "./yes-no";

/** Props of {@link FormField}. */
export interface FormFieldProps {
  field: Field;
  /** Current answer, or `undefined` when the field is unanswered. */
  value: AnswerValue | undefined;
  /** Receives the new answer, or `undefined` when the patient clears it. */
  onChange: (value: AnswerValue | undefined) => void;
  /** Runs when focus leaves the field, for validation on blur. */
  onBlur?: () => void;
  /** Error message shown under the field and announced politely. */
  error?: string | null;
  /** Prefix of element ids, so two forms on one page do not collide. */
  idPrefix?: string;
  /** Level of the element a heading field renders as. */
  headingLevel?: 2 | 3 | 4;
  /**
   * Key of the answer, which names the control and derives its id. It is
   * the field id, or `<group>.<index>.<field>` inside a repeating group.
   */
  fieldKey?: string;
  /** Errors of a group's item fields, keyed by `<group>.<index>.<field>`. */
  itemErrors?: Readonly<Record<string, string | undefined>>;
  /**
   * Applies conditional logic to a field inside a group item: returns the
   * field with `required` resolved, or null to hide it. Without it every
   * item field shows as defined.
   */
  resolveItemField?: (field: Field, item: GroupItem) => Field | null;
}

// Signature and file code loads on first use, so a form without those
// fields downloads none of it.
const SignaturePad = lazy(() => import("./signature-pad"));
const FileInput = lazy(() => import("./file-input"));

/**
 * Single-choice fields with more options than this render as a select,
 * because a long radio list pushes the Next button far off a phone screen.
 */
export const MAX_RADIO_OPTIONS = 7;

/**
 * Returns the element id of a field's control, or of its first option. An
 * error summary links here.
 */
export function fieldControlId(fieldId: string, idPrefix = "field"): string {
  return `${idPrefix}-${fieldId}`;
}

/**
 * Renders any form-schema field with its label, help, control and error
 * region. Static fields (heading, paragraph) render their text. Every text
 * from the definition is rendered as text, never as markup.
 */
export function FormField(props: FormFieldProps) {
  const { field } = props;

  if (field.type === "heading") {
    const Heading = `h${props.headingLevel ?? 3}` as const;
    return (
      <Heading className="pt-2 text-xl font-bold text-ink">
        {field.text}
      </Heading>
    );
  }
  if (field.type === "paragraph") {
    return <p className="whitespace-pre-line text-base">{field.text}</p>;
  }

  const isGroup =
    field.type === "address" ||
    field.type === "signature" ||
    field.type === "group" ||
    field.type === "yesNo" ||
    field.type === "multipleChoice" ||
    field.type === "consent" ||
    (field.type === "singleChoice" &&
      field.options.length <= MAX_RADIO_OPTIONS);

  return (
    <FieldShell
      id={fieldControlId(props.fieldKey ?? field.id, props.idPrefix)}
      label={field.label}
      help={field.help}
      error={props.error}
      required={field.required}
      group={isGroup}
    >
      {(control) => <FieldControl {...props} control={control} />}
    </FieldShell>
  );
}

type InputFieldControlProps = FormFieldProps & { control: FieldControlProps };

function FieldControl({
  field,
  value,
  onChange,
  onBlur,
  control,
  ...props
}: InputFieldControlProps) {
  const name = props.fieldKey ?? field.id;
  const textProps = {
    id: control.id,
    name,
    "aria-describedby": control.describedBy,
    "aria-invalid": control.invalid || undefined,
    "aria-required": control.required || undefined,
    onBlur,
  };
  const groupProps = {
    id: control.id,
    name,
    onBlur,
    invalid: control.invalid,
  };

  switch (field.type) {
    case "shortText":
    case "email":
    case "phone":
      return (
        <TextInput
          {...textProps}
          {...textInputKind[field.type]}
          placeholder={field.placeholder}
          value={answerAsString(value)}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    case "longText":
      return (
        <TextArea
          {...textProps}
          placeholder={field.placeholder}
          value={answerAsString(value)}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    case "date":
      return (
        <TextInput
          {...textProps}
          type="date"
          min={field.minDate}
          max={field.maxDate}
          value={answerAsString(value)}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    case "number":
      return (
        <NumberInput
          {...textProps}
          integer={field.integer}
          placeholder={field.placeholder}
          value={typeof value === "number" ? value : answerAsString(value)}
          onChange={onChange}
        />
      );
    case "singleChoice":
      if (field.options.length > MAX_RADIO_OPTIONS) {
        return (
          <Select
            {...textProps}
            options={field.options}
            value={answerAsString(value) || undefined}
            onChange={(next) => onChange(next === "" ? undefined : next)}
          />
        );
      }
      return (
        <RadioGroup
          {...groupProps}
          required={control.required}
          options={field.options}
          value={answerAsString(value) || undefined}
          onChange={onChange}
        />
      );
    case "multipleChoice":
      return (
        <CheckboxGroup
          {...groupProps}
          options={field.options}
          value={answerAsStrings(value)}
          onChange={onChange}
        />
      );
    case "yesNo":
      return (
        <YesNo
          {...groupProps}
          required={control.required}
          value={answerAsBoolean(value)}
          onChange={onChange}
        />
      );
    case "consent":
      return (
        <ConsentControl
          field={field}
          checked={answerAsBoolean(value) === true}
          onChange={onChange}
          onBlur={onBlur}
          control={control}
        />
      );
    case "address":
      return (
        <AddressInput
          id={control.id}
          name={name}
          value={answerAsAddress(value)}
          onChange={onChange}
          onBlur={onBlur}
          describedBy={control.describedBy}
          invalid={control.invalid}
          required={control.required}
        />
      );
    case "signature":
      return (
        <>
          {field.statement ? (
            <div className="whitespace-pre-line rounded-lg border border-border-subtle bg-surface p-3 text-base">
              {field.statement}
            </div>
          ) : null}
          <Suspense fallback={<LoadingBox />}>
            <SignaturePad
              id={control.id}
              name={name}
              value={answerAsSignature(value)}
              onChange={onChange}
              onBlur={onBlur}
              describedBy={control.describedBy}
              invalid={control.invalid}
              required={control.required}
            />
          </Suspense>
        </>
      );
    case "file":
      return (
        <Suspense fallback={<LoadingBox />}>
          <FileInput
            id={control.id}
            fieldKey={name}
            value={answerAsFile(value)}
            onChange={onChange}
            onBlur={onBlur}
            accept={field.accept}
            maxSizeBytes={field.maxSizeBytes}
            capture={field.capture}
            describedBy={control.describedBy}
            invalid={control.invalid}
            required={control.required}
          />
        </Suspense>
      );
    case "group":
      return (
        <RepeatingGroup
          id={control.id}
          fields={field.fields}
          itemLabel={field.itemLabel}
          minItems={field.minItems}
          maxItems={field.maxItems}
          value={answerAsItems(value)}
          onChange={onChange}
          describedBy={control.describedBy}
          renderField={(itemField, index, item, change) => {
            const shown = props.resolveItemField
              ? props.resolveItemField(itemField, item)
              : itemField;
            if (shown === null) return null;
            const key = `${name}.${index}.${itemField.id}`;
            return (
              <FormField
                key={itemField.id}
                field={shown}
                fieldKey={key}
                idPrefix={props.idPrefix}
                headingLevel={4}
                value={item[itemField.id]}
                error={props.itemErrors?.[key]}
                // Groups do not nest, so an item field's value is never a list.
                onChange={(next) => change(next as ItemAnswerValue | undefined)}
                onBlur={onBlur}
              />
            );
          }}
        />
      );
    default:
      return null;
  }
}

/** Keeps the layout steady while a lazily loaded control downloads. */
function LoadingBox() {
  return <div aria-hidden="true" className="h-44 rounded-lg bg-surface" />;
}

/** Native input type, keypad and autofill token per text-like field type. */
const textInputKind = {
  shortText: { type: "text" },
  email: {
    type: "email",
    inputMode: "email",
    autoComplete: "email",
    autoCapitalize: "none",
    spellCheck: false,
  },
  phone: { type: "tel", inputMode: "tel", autoComplete: "tel" },
} as const;

function ConsentControl({
  field,
  checked,
  onChange,
  onBlur,
  control,
}: {
  field: Extract<Field, { type: "consent" }>;
  checked: boolean;
  onChange: (value: boolean) => void;
  onBlur?: () => void;
  control: FieldControlProps;
}) {
  const statementId = `${control.id}-statement`;
  const text = useUiText();

  return (
    <>
      {field.statement ? (
        <div
          id={statementId}
          className="whitespace-pre-line rounded-lg border border-border-subtle bg-surface p-3 text-base"
        >
          {field.statement}
        </div>
      ) : null}
      <Checkbox
        id={control.id}
        name={field.id}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        onBlur={onBlur}
        aria-describedby={field.statement ? statementId : undefined}
        aria-invalid={control.invalid || undefined}
        aria-required={control.required || undefined}
      >
        {text.agree}
      </Checkbox>
    </>
  );
}
