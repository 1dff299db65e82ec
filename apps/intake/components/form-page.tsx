"use client";

import {
  isInputField,
  type Answers,
  type AnswerValue,
  type Field,
  type Page,
} from "@intake/form-schema";
import { FormField } from "@intake/ui";
import type { Ref } from "react";

import { FormProgress } from "./form-progress";
import { answerAt, resolveItemField } from "./form-visibility";
import { fieldErrorText } from "./i18n/field-error-text";
import type { Locale } from "./i18n/locale";
import { useLocale } from "./i18n/locale-context";
import type { ErrorMessages, ShownError } from "./use-form-answers";

/** Props of {@link FormPage}. */
export interface FormPageProps {
  /** The page with only its shown fields, as `visibleSteps` returns it. */
  page: Page;
  pageIndex: number;
  /** Number of pages the patient sees with the current answers. */
  pageCount: number;
  answers: Answers;
  errors: ErrorMessages;
  onChange: (field: Field, value: AnswerValue | undefined) => void;
  onBlur: (field: Field) => void;
  /** The renderer focuses the heading when the patient changes page. */
  headingRef: Ref<HTMLHeadingElement>;
}

/** Renders one page of the form: progress, heading and fields. */
export function FormPage({
  page,
  pageIndex,
  pageCount,
  answers,
  errors,
  onChange,
  onBlur,
  headingRef,
}: FormPageProps) {
  const { locale, messages } = useLocale();
  const text = messages.steps;

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <FormProgress pageIndex={pageIndex} pageCount={pageCount} />
        <h2
          ref={headingRef}
          tabIndex={-1}
          className="text-2xl font-bold text-ink"
        >
          <span className="block text-base font-normal text-muted">
            {text.pageOf(pageIndex + 1, pageCount)}
          </span>
          {page.title}
        </h2>
      </div>
      {page.fields.map((field) => (
        <FormField
          key={field.id}
          field={field}
          value={answers[field.id]}
          error={errorText(field, errors[field.id], locale, answers[field.id])}
          itemErrors={
            field.type === "group"
              ? itemErrorTexts(field, errors, locale, answers)
              : undefined
          }
          resolveItemField={(itemField, item) =>
            resolveItemField(itemField, item, answers)
          }
          onChange={(value) => onChange(field, value)}
          onBlur={() => onBlur(field)}
        />
      ))}
    </div>
  );
}

function errorText(
  field: Field,
  error: ShownError | undefined,
  locale: Locale,
  value: unknown,
): string | undefined {
  if (error === undefined) return undefined;
  const target = isInputField(field) ? field : undefined;
  return fieldErrorText(target, error, locale, value);
}

/** Translates the errors of a group's items, keyed `<group>.<index>.<field>`. */
function itemErrorTexts(
  group: Extract<Field, { type: "group" }>,
  errors: ErrorMessages,
  locale: Locale,
  answers: Answers,
): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const [key, error] of Object.entries(errors)) {
    if (!key.startsWith(`${group.id}.`)) continue;
    const itemFieldId = key.split(".")[2];
    const itemField = group.fields.find((field) => field.id === itemFieldId);
    const value = answerAt(answers, key);
    const text = errorText(itemField ?? group, error, locale, value);
    if (text !== undefined) texts[key] = text;
  }
  return texts;
}
