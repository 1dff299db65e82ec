"use client";

import {
  isInputField,
  validateAnswers,
  type Field,
  type FormDefinition,
  type Page,
} from "@intake/form-schema";
import {
  Button,
  ErrorSummary,
  fieldControlId,
  type ErrorSummaryItem,
} from "@intake/ui";
import { useRef, useState, type FormEvent } from "react";

import { FormConfirmation } from "./form-confirmation";
import { FormPage } from "./form-page";
import { FormReview } from "./form-review";
import { FormUnavailable } from "./form-unavailable";
import type { PublishedForm } from "./published-form";
import { useFocusAfterRender } from "./use-focus-after-render";
import { answersToSubmit, type FormAnswers } from "./use-form-answers";
import { useHydrated } from "./use-hydrated";
import { useSubmitAnswers } from "./use-submit-answers";
import { useVisitProgress } from "./use-visit-progress";

/**
 * Where the answers of one visit are kept between steps: `useDraft` on a
 * phone, memory alone at the kiosk.
 */
export interface AnswerStore {
  /** Key sent with every submit attempt of this visit. */
  submissionKey: string;
  /** Writes pending changes now, such as on Next or before a submit. */
  save: () => void;
  /** Drops the stored answers after the submission is stored. */
  discard: () => void;
}

/** Props of {@link FormSteps}. */
export interface FormStepsProps {
  form: PublishedForm;
  /** Null until the browser has assigned the visit its id. */
  visitorId: string | null;
  fields: FormAnswers;
  draft: AnswerStore;
  /** Called once the backend has stored the submission. */
  onSubmitted?: (reference: string) => void;
}

/**
 * Walks the patient through a published form one page at a time. Next
 * validates the page. Next on the last page validates every answer and
 * opens the review step, whose Submit button sends them. Errors show under
 * the fields and in a summary that takes focus.
 */
export function FormSteps({
  form,
  visitorId,
  fields,
  draft,
  onSubmitted,
}: FormStepsProps) {
  const { definition } = form;
  const { send, pending } = useSubmitAnswers(
    form,
    visitorId,
    draft.submissionKey,
  );
  const focusAfterRender = useFocusAfterRender();
  const hydrated = useHydrated();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  const [requestedPage, setRequestedPage] = useState(0);
  const [reviewing, setReviewing] = useState(false);
  const [summary, setSummary] = useState<ErrorSummaryItem[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [reference, setReference] = useState<string | null>(null);

  // A republished version may have fewer pages than the one first shown.
  const pageIndex = Math.min(requestedPage, definition.pages.length - 1);
  const page = definition.pages[pageIndex];
  const isLastPage = pageIndex === definition.pages.length - 1;
  useVisitProgress({
    slug: form.slug,
    visitorId,
    hasAnswers: Object.keys(fields.answers).length > 0,
    pageIndex,
    pageCount: definition.pages.length,
  });
  let primaryLabel = "Next";
  if (reviewing) primaryLabel = pending ? "Sending…" : "Submit";

  if (reference !== null) {
    return (
      <FormConfirmation clinicName={form.clinicName} reference={reference} />
    );
  }
  if (page === undefined) return <FormUnavailable />;

  function goToPage(index: number) {
    draft.save();
    setRequestedPage(index);
    setReviewing(false);
    setSummary([]);
    setNotice(null);
    focusAfterRender(() => headingRef.current);
  }

  function openReview() {
    draft.save();
    setReviewing(true);
    setSummary([]);
    setNotice(null);
    focusAfterRender(() => headingRef.current);
  }

  function editField(index: number, fieldId: string) {
    setRequestedPage(index);
    setReviewing(false);
    setSummary([]);
    setNotice(null);
    focusAfterRender(() => document.getElementById(fieldControlId(fieldId)));
  }

  function showSummary(items: ErrorSummaryItem[]) {
    setSummary(items);
    focusAfterRender(() => summaryRef.current);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending || page === undefined) return;

    if (!reviewing) {
      const pageErrors = fields.validate(page.fields);
      if (Object.keys(pageErrors).length > 0) {
        showSummary(summaryItems(page.fields, pageErrors));
        return;
      }
      if (!isLastPage) {
        goToPage(pageIndex + 1);
        return;
      }
    }

    const answers = answersToSubmit(definition, fields.answers);
    const allErrors = validateAnswers(definition, answers);
    if (Object.keys(allErrors).length > 0) {
      showFieldErrors(allErrors);
      return;
    }
    if (!reviewing) {
      openReview();
      return;
    }

    setNotice(null);
    draft.save();
    const outcome = await send(answers);
    if (outcome === null) return;

    if (outcome.kind === "submitted") {
      draft.discard();
      fields.clear();
      setReference(outcome.reference);
      onSubmitted?.(outcome.reference);
    } else if (outcome.kind === "fieldErrors") {
      showFieldErrors(outcome.fieldErrors);
    } else {
      setNotice(outcome.message);
      focusAfterRender(() => noticeRef.current);
    }
  }

  /** Shows errors from any page, opening the first page that has one. */
  function showFieldErrors(fieldErrors: Record<string, { message: string }>) {
    fields.showErrors(fieldErrors);

    const target = firstPageWithError(definition, fieldErrors);
    if (target === -1) {
      // Only answers to fields no page shows, which a reload clears.
      setNotice(
        "This form changed while you were filling it in. Reload the page, then fill it in again.",
      );
      focusAfterRender(() => noticeRef.current);
      return;
    }

    setRequestedPage(target);
    setReviewing(false);
    setNotice(null);
    const targetPage = definition.pages[target];
    showSummary(targetPage ? summaryItems(targetPage.fields, fieldErrors) : []);
  }

  return (
    // Before hydration the browser would submit the form natively, putting
    // the answers in the address. A disabled submit button blocks that,
    // Enter key included, and POST keeps answers out of the address anyway.
    <form
      method="post"
      noValidate
      onSubmit={handleSubmit}
      className="flex flex-col gap-6"
    >
      <FormTitle
        definition={definition}
        showDescription={pageIndex === 0 && !reviewing}
      />
      <ErrorSummary ref={summaryRef} items={summary} />
      {reviewing ? (
        <FormReview
          definition={definition}
          answers={fields.answers}
          onEdit={editField}
          headingRef={headingRef}
        />
      ) : (
        <FormPage
          page={page}
          pageIndex={pageIndex}
          pageCount={definition.pages.length}
          answers={fields.answers}
          errors={fields.errors}
          onChange={fields.change}
          onBlur={fields.blur}
          headingRef={headingRef}
        />
      )}
      <div
        ref={noticeRef}
        tabIndex={-1}
        role="alert"
        className="font-semibold text-danger"
      >
        {notice}
      </div>
      <div className="flex flex-row-reverse flex-wrap gap-3">
        <Button
          type="submit"
          disabled={!hydrated}
          pending={pending}
          className="flex-1"
        >
          {primaryLabel}
        </Button>
        {reviewing || pageIndex > 0 ? (
          <Button
            variant="secondary"
            className="flex-1"
            onClick={() => goToPage(reviewing ? pageIndex : pageIndex - 1)}
          >
            Back
          </Button>
        ) : null}
      </div>
    </form>
  );
}

function FormTitle({
  definition,
  showDescription,
}: {
  definition: FormDefinition;
  showDescription: boolean;
}) {
  return (
    <div className="flex flex-col gap-2">
      <h1 className="text-3xl font-bold text-ink">{definition.title}</h1>
      {showDescription && definition.description ? (
        <p className="whitespace-pre-line text-muted">
          {definition.description}
        </p>
      ) : null}
    </div>
  );
}

/** Lists the errors of `fields` in page order, linked to their controls. */
function summaryItems(
  fields: readonly Field[],
  errors: Record<string, { message: string }>,
): ErrorSummaryItem[] {
  const items: ErrorSummaryItem[] = [];
  for (const field of fields) {
    const error = errors[field.id];
    if (error && isInputField(field)) {
      items.push({
        targetId: fieldControlId(field.id),
        message: `${field.label}: ${error.message}`,
      });
    }
  }
  return items;
}

function firstPageWithError(
  definition: FormDefinition,
  errors: Record<string, unknown>,
): number {
  return definition.pages.findIndex((page: Page) =>
    page.fields.some((field) => field.id in errors),
  );
}
