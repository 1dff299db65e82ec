"use client";

import {
  localizeDefinition,
  oversizedAnswerErrors,
  validateAnswers,
  type FormDefinition,
} from "@intake/form-schema";
import {
  Button,
  ErrorSummary,
  FileUploaderProvider,
  fieldControlId,
  type ErrorSummaryItem,
} from "@intake/ui";
import { useMemo, useRef, useState, type FormEvent } from "react";

import { FormConfirmation } from "./form-confirmation";
import { FormPage } from "./form-page";
import { FormReview } from "./form-review";
import { FormUnavailable } from "./form-unavailable";
import {
  firstPageWithError,
  summaryItems,
  visibleSteps,
} from "./form-visibility";
import { useLocale } from "./i18n/locale-context";
import type { PublishedForm } from "./published-form";
import { answersToSubmit } from "./submit-answers";
import { useFileUploader } from "./uploads/use-file-uploader";
import { useFocusAfterRender } from "./use-focus-after-render";
import type { FormAnswers, ShownError } from "./use-form-answers";
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
  /**
   * Whether the clinic published a new version since the patient started,
   * so some answers may have been dropped.
   */
  formUpdated?: boolean;
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
  const { locale, messages } = useLocale();
  const text = messages.steps;
  const definition = useMemo(
    () => localizeDefinition(form.definition, locale),
    [form.definition, locale],
  );
  const { send, pending } = useSubmitAnswers(
    form,
    visitorId,
    draft.submissionKey,
  );
  const uploader = useFileUploader(form.slug, visitorId);
  const focusAfterRender = useFocusAfterRender();
  const hydrated = useHydrated();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  const [requested, setRequested] = useState<PageRequest>({
    pageId: null,
    index: 0,
  });
  const [reviewing, setReviewing] = useState(false);
  const [summary, setSummary] = useState<ErrorSummaryItem[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [reference, setReference] = useState<string | null>(null);

  // Answers show and hide pages, and a republished version may have fewer
  // pages, so the page is found by id and the index is the fallback.
  const pages = visibleSteps(definition, fields.answers);
  const pageIndex = pageIndexOf(pages, requested);
  const page = pages[pageIndex];
  const isLastPage = pageIndex === pages.length - 1;
  useVisitProgress({
    slug: form.slug,
    visitorId,
    hasAnswers: Object.keys(fields.answers).length > 0,
    pageIndex,
    pageCount: pages.length,
  });
  let primaryLabel = text.next;
  if (reviewing) primaryLabel = pending ? text.sending : text.submit;

  if (reference !== null) {
    return (
      <FormConfirmation clinicName={form.clinicName} reference={reference} />
    );
  }
  if (page === undefined) return <FormUnavailable />;

  function requestPage(index: number) {
    setRequested({ pageId: pages[index]?.id ?? null, index });
  }

  function goToPage(index: number) {
    draft.save();
    requestPage(index);
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

  function editField(index: number, fieldKey: string) {
    requestPage(index);
    setReviewing(false);
    setSummary([]);
    setNotice(null);
    focusAfterRender(() => document.getElementById(fieldControlId(fieldKey)));
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
        showSummary(
          summaryItems(page.fields, pageErrors, locale, fields.answers),
        );
        return;
      }
      if (!isLastPage) {
        goToPage(pageIndex + 1);
        return;
      }
    }

    const answers = answersToSubmit(definition, fields.answers);
    const invalid = validateAnswers(definition, answers);
    // Valid answers can still be too large together, which the backend
    // rejects, so the largest ones are pointed at before sending.
    const allErrors =
      Object.keys(invalid).length > 0
        ? invalid
        : oversizedAnswerErrors(answers);
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
    } else if (outcome.kind === "versionMismatch") {
      // The form's subscription brings the new version, and `useDraft`
      // moves the answers to it. The patient checks them from page one.
      requestPage(0);
      setReviewing(false);
      setNotice(outcome.message);
      focusAfterRender(() => noticeRef.current);
    } else {
      setNotice(outcome.message);
      focusAfterRender(() => noticeRef.current);
    }
  }

  /** Shows errors from any page, opening the first page that has one. */
  function showFieldErrors(fieldErrors: Record<string, ShownError>) {
    fields.showErrors(fieldErrors);

    const target = firstPageWithError(pages, fieldErrors);
    const targetPage = pages[target];
    if (targetPage === undefined) {
      // Only answers to fields no page shows, which a reload clears.
      setNotice(text.formChanged);
      focusAfterRender(() => noticeRef.current);
      return;
    }

    requestPage(target);
    setReviewing(false);
    setNotice(null);
    showSummary(
      summaryItems(targetPage.fields, fieldErrors, locale, fields.answers),
    );
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
      {draft.formUpdated ? (
        <p role="status" className="rounded-lg border-2 border-ink p-4">
          {text.formUpdated}
        </p>
      ) : null}
      <ErrorSummary ref={summaryRef} items={summary} />
      {reviewing ? (
        <FormReview
          pages={pages}
          answers={fields.answers}
          onEdit={editField}
          headingRef={headingRef}
        />
      ) : (
        <FileUploaderProvider uploader={uploader}>
          <FormPage
            page={page}
            pageIndex={pageIndex}
            pageCount={pages.length}
            answers={fields.answers}
            errors={fields.errors}
            onChange={fields.change}
            onBlur={fields.blur}
            headingRef={headingRef}
          />
        </FileUploaderProvider>
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
            {text.back}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

/** The page the patient asked for, by id, with its index as a fallback. */
interface PageRequest {
  pageId: string | null;
  index: number;
}

function pageIndexOf(pages: readonly { id: string }[], request: PageRequest) {
  const byId = pages.findIndex((page) => page.id === request.pageId);
  if (byId !== -1) return byId;
  return Math.max(0, Math.min(request.index, pages.length - 1));
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
