"use client";

import {
  isAnswerEmpty,
  isInputField,
  type Answers,
  type FormDefinition,
  type InputField,
} from "@intake/form-schema";
import { Button } from "@intake/ui";
import type { Ref } from "react";

import { answerText } from "./answer-text";
import { useMessages } from "./i18n/locale-context";

/** Props of {@link FormReview}. */
export interface FormReviewProps {
  definition: FormDefinition;
  answers: Answers;
  /** Opens the page at `pageIndex` and focuses the field `fieldId`. */
  onEdit: (pageIndex: number, fieldId: string) => void;
  /** The renderer focuses the heading when the review opens. */
  headingRef: Ref<HTMLHeadingElement>;
}

/**
 * Lists every answered field, page by page, with its label and the answer
 * as text. React escapes both, so no answer renders as markup.
 */
export function FormReview({
  definition,
  answers,
  onEdit,
  headingRef,
}: FormReviewProps) {
  const text = useMessages().review;
  const sections = definition.pages
    .map((page, pageIndex) => ({
      page,
      pageIndex,
      fields: page.fields.filter(
        (field): field is InputField =>
          isInputField(field) && isAnswered(answers, field.id),
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
              <div
                key={field.id}
                className="grid grid-cols-[1fr_auto] items-start gap-x-4 gap-y-1 py-3"
              >
                <dt className="font-semibold text-ink">{field.label}</dt>
                <dd className="col-start-1 whitespace-pre-line break-words">
                  {answerText(field, answers[field.id]!, text)}
                </dd>
                <dd className="col-start-2 row-span-2 row-start-1">
                  <Button
                    variant="ghost"
                    className="px-2"
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

function isAnswered(answers: Answers, fieldId: string): boolean {
  const value = answers[fieldId];
  return value !== undefined && !isAnswerEmpty(value);
}
