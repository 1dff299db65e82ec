"use client";

import {
  validateField,
  type AnswerValue,
  type Answers,
  type Field,
  type Page,
} from "@intake/form-schema";
import { FormField } from "@intake/ui";
import { memo, useCallback, useEffect, useMemo, useRef } from "react";

/** Props of {@link PhonePreview}. */
export interface PhonePreviewProps {
  page: Page;
  pageNumber: number;
  pageCount: number;
  /** Fields of the page that patients would see with `answers`. */
  visibleFields: Field[];
  selectedFieldId: string | null;
  answers: Answers;
  onAnswer: (fieldId: string, value: AnswerValue | undefined) => void;
}

/**
 * Draws the page being edited in a 360 px wide phone frame with the same
 * `FormField` patients see. Answers typed here stay in the builder and
 * drive the conditional logic of the preview. Each answered field shows
 * the error that the form's answer rules give it, so staff can try a rule
 * as they edit it. Only this one page renders, and each field is memoized
 * on its definition and answer.
 */
export function PhonePreview({
  page,
  pageNumber,
  pageCount,
  visibleFields,
  selectedFieldId,
  answers,
  onAnswer,
}: PhonePreviewProps) {
  const frame = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (selectedFieldId === null) return;
    const element = frame.current?.querySelector(
      `[data-preview-field="${CSS.escape(selectedFieldId)}"]`,
    );
    element?.scrollIntoView?.({ block: "nearest" });
  }, [selectedFieldId]);

  return (
    <section aria-labelledby="preview-heading" className="flex flex-col gap-2">
      <h2 id="preview-heading" className="text-lg font-semibold">
        Phone preview
      </h2>
      <div
        ref={frame}
        data-testid="phone-preview"
        className="flex max-h-[640px] w-[360px] flex-col gap-5 overflow-y-auto rounded-[28px] border-8 border-ink bg-canvas p-4"
      >
        <p className="text-muted text-sm">
          Page {pageNumber} of {pageCount}
        </p>
        {page.title && <h3 className="text-xl font-bold">{page.title}</h3>}
        {visibleFields.map((field) => (
          <PreviewField
            key={field.id}
            field={field}
            value={answers[field.id]}
            highlighted={field.id === selectedFieldId}
            onAnswer={onAnswer}
          />
        ))}
        {visibleFields.length === 0 && (
          <p className="text-muted">Patients see no fields on this page yet.</p>
        )}
      </div>
    </section>
  );
}

const PreviewField = memo(function PreviewField({
  field,
  value,
  highlighted,
  onAnswer,
}: {
  field: Field;
  value: AnswerValue | undefined;
  highlighted: boolean;
  onAnswer: (fieldId: string, value: AnswerValue | undefined) => void;
}) {
  const handleChange = useCallback(
    (next: AnswerValue | undefined) => onAnswer(field.id, next),
    [field.id, onAnswer],
  );
  // A field nobody answered in the preview shows no error, so a required
  // field does not start out red.
  const error = useMemo(
    () =>
      value === undefined
        ? null
        : (validateField(field, value)?.message ?? null),
    [field, value],
  );
  return (
    <div
      data-preview-field={field.id}
      className={
        highlighted
          ? "rounded-lg outline-4 outline-offset-4 outline-accent"
          : ""
      }
    >
      <FormField
        field={field}
        value={value}
        error={error}
        onChange={handleChange}
        idPrefix="preview"
        headingLevel={4}
      />
    </div>
  );
});
