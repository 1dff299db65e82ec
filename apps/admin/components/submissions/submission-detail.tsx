"use client";

import { convexQuery } from "@convex-dev/react-query";
import { api } from "@intake/backend/api";
import type { Id } from "@intake/backend/dataModel";
import { formDefinitionSchema } from "@intake/form-schema";
import { Button, Card } from "@intake/ui";
import { useQuery } from "@tanstack/react-query";
import { useMutation } from "convex/react";
import { useEffect, useRef } from "react";

import { answerSections } from "@/lib/format-answer";
import { formatDateTime, isoDateTime } from "@/lib/format-time";
import { describeLoadError } from "@/lib/load-error";

import { AnswerSections, RawAnswers } from "./answer-sections";
import { DeleteSubmission } from "./delete-submission";
import { ReviewStatus } from "./review-status";
import { ReviewToggle } from "./review-toggle";

/**
 * Shows one submission from `submissions:get`, with each answer labelled
 * from the form version the patient answered, its review state and the
 * button that changes it. Its heading takes focus once the submission loads.
 * Opening it and printing it are recorded in the audit log. `onDeleted`
 * is set for owners, who get a delete button. `onClose` adds a close
 * button.
 */
export function SubmissionDetail({
  submissionId,
  onClose,
  onDeleted,
}: {
  submissionId: Id<"submissions">;
  onClose?: () => void;
  onDeleted?: () => void;
}) {
  const submission = useQuery(
    convexQuery(api.submissions.get, { submissionId }),
  );
  const recordAudit = useMutation(api.audit.record);
  const heading = useRef<HTMLHeadingElement>(null);
  const recordedView = useRef<string | null>(null);
  const loaded = submission.data !== undefined;

  useEffect(() => {
    if (!loaded) return;
    heading.current?.focus();
    // Development mode runs effects twice, and one opening is one view.
    if (recordedView.current === submissionId) return;
    recordedView.current = submissionId;
    void recordAudit({ submissionId, action: "view" }).catch(() => {});
  }, [loaded, submissionId, recordAudit]);

  useEffect(() => {
    if (!loaded) return;
    // The browser fires beforeprint for the Print button and for its own
    // print command alike, so each print is recorded once.
    const onBeforePrint = () => {
      void recordAudit({ submissionId, action: "print" }).catch(() => {});
    };
    window.addEventListener("beforeprint", onBeforePrint);
    return () => window.removeEventListener("beforeprint", onBeforePrint);
  }, [loaded, submissionId, recordAudit]);

  if (submission.isError) {
    return (
      <Card role="alert" className="text-danger">
        {describeLoadError(submission.error, "submission")}
      </Card>
    );
  }
  const data = submission.data;
  if (!data) {
    return <Card>Loading the submission…</Card>;
  }
  const definition = formDefinitionSchema.safeParse(data.definition);

  return (
    <Card
      data-print-submission
      className="flex flex-col gap-4 print:border-0 print:p-0 print:shadow-none"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3
            ref={heading}
            tabIndex={-1}
            className="text-lg font-semibold outline-none"
          >
            Submission {data.reference}
          </h3>
          <p className="text-muted">
            Sent{" "}
            <time dateTime={isoDateTime(data.submittedAt)}>
              {formatDateTime(data.submittedAt)}
            </time>{" "}
            · form version {data.version}
          </p>
          <p className="mt-1">
            <span className="sr-only">Status: </span>
            <ReviewStatus reviewed={data.reviewedAt !== null} />
          </p>
        </div>
        {onClose && (
          <Button variant="ghost" onClick={onClose} className="print:hidden">
            Close
          </Button>
        )}
      </div>
      <div className="flex flex-wrap items-start gap-2 print:hidden">
        <ReviewToggle
          submissionId={data.submissionId}
          reference={data.reference}
          reviewed={data.reviewedAt !== null}
        />
        <Button
          variant="secondary"
          onClick={() => window.print()}
          className="self-start"
        >
          Print
        </Button>
        {onDeleted && (
          <DeleteSubmission
            submissionId={data.submissionId}
            reference={data.reference}
            onDeleted={onDeleted}
          />
        )}
      </div>
      {definition.success ? (
        <AnswerSections
          sections={answerSections(definition.data, data.answers)}
          submissionId={data.submissionId}
        />
      ) : (
        <RawAnswers answers={data.answers} />
      )}
    </Card>
  );
}
