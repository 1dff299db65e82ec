"use client";

import {
  isAnswerEmpty,
  isInputField,
  type Answers,
  type AnswerValue,
  type InputField,
  type Page,
} from "@intake/form-schema";
import { Button, useUiText } from "@intake/ui";
import type { Ref } from "react";

import { answerText } from "./answer-text";
import { resolveItemField } from "./form-visibility";
import { useMessages } from "./i18n/locale-context";

/** Props of {@link FormReview}. */
export interface FormReviewProps {
  /** The pages the patient sees, as `visibleSteps` returns them. */
  pages: readonly Page[];
  answers: Answers;
  /** Opens the page at `pageIndex` and focuses the control of `fieldKey`. */
  onEdit: (pageIndex: number, fieldKey: string) => void;
  /** The renderer focuses the heading when the review opens. */
  headingRef: Ref<HTMLHeadingElement>;
}

/**
 * Lists every answered field that the form's logic shows, page by page,
 * with its label and the answer as text. Repeating groups list each item.
 * React escapes every text, so no answer renders as markup.
 */
export function FormReview({
  pages,
  answers,
  onEdit,
  headingRef,
}: FormReviewProps) {
  const text = useMessages().review;
  const sections = pages
    .map((page, pageIndex) => ({
      page,
      pageIndex,
      fields: page.fields.filter(
        (field): field is InputField =>
          isInputField(field) && isAnswered(answers[field.id]),
      ),
    }))
    .filter((section) => section.fields.length > 0);

  return (
    <div className="flex flex-col gap-6">
      <h2
        ref={headingRef}
        tabIndex={-1}
        className="text-2xl font-bold text-ink"
      >
        {text.title}
      </h2>
      <p>{text.intro}</p>
      {sections.map(({ page, pageIndex, fields }) => (
        <section
          key={page.id}
          aria-labelledby={`review-${page.id}`}
          className="flex flex-col gap-3"
        >
          <h3 id={`review-${page.id}`} className="text-xl font-bold text-ink">
            {page.title}
          </h3>
          <dl className="flex flex-col divide-y divide-border-subtle">
            {fields.map((field) => (
              // minmax(0, 1fr) lets a long unbroken answer, such as an
              // email address, wrap instead of widening the page.
              <div
                key={field.id}
                className="grid grid-cols-[minmax(0,1fr)_auto] items-start gap-x-4 gap-y-1 py-3"
              >
                <dt className="font-semibold text-ink">{field.label}</dt>
                <dd className="col-start-1 whitespace-pre-line break-words">
                  <ReviewAnswer
                    field={field}
                    value={answers[field.id]!}
                    answers={answers}
                  />
                </dd>
                <dd className="col-start-2 row-span-2 row-start-1">
                  <Button
                    variant="ghost"
                    size="compact"
                    onClick={() => onEdit(pageIndex, field.id)}
                  >
                    {text.edit}
                    <span className="sr-only"> {field.label}</span>
                  </Button>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}

function ReviewAnswer({
  field,
  value,
  answers,
}: {
  field: InputField;
  value: AnswerValue;
  answers: Answers;
}) {
  const text = useMessages().review;
  const locale = useUiText().locale;

  if (field.type !== "group" || !Array.isArray(value)) {
    return <>{answerText(field, value, text, locale)}</>;
  }

  return (
    <ol className="flex flex-col gap-3">
      {value.map((entry, index) => {
        const item = isItem(entry) ? entry : {};
        const rows = field.fields.flatMap((itemField) => {
          const shown = resolveItemField(itemField, item, answers);
          const answer = item[itemField.id];
          if (shown === null || !isInputField(shown) || !isAnswered(answer)) {
            return [];
          }
          return [{ field: shown, answer: answer! }];
        });
        return (
          <li key={index} className="flex flex-col gap-1">
            <span className="font-semibold">
              {text.item(field.itemLabel, index + 1)}
            </span>
            {rows.length === 0 ? <span>{text.none}</span> : null}
            {rows.map((row) => (
              <span key={row.field.id}>
                {row.field.label}:{" "}
                {answerText(row.field, row.answer, text, locale)}
              </span>
            ))}
          </li>
        );
      })}
    </ol>
  );
}

function isItem(value: unknown): value is Record<string, AnswerValue> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isAnswered(value: AnswerValue | undefined): boolean {
  return value !== undefined && !isAnswerEmpty(value);
}
