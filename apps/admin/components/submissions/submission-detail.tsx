"use client";

import { convexQuery } from "@convex-dev/react-query";
import { api } from "@intake/backend/api";
import type { Id } from "@intake/backend/dataModel";
import { formDefinitionSchema } from "@intake/form-schema";
import { Button, Card } from "@intake/ui";
import { useQuery } from "@tanstack/react-query";
import { useMutation } from "convex/react";
import type { FunctionReturnType } from "convex/server";
import { useEffect, useRef, useState } from "react";

import { answerSections } from "@/lib/format-answer";
import { formatDateTime, isoDateTime } from "@/lib/format-time";
import { describeLoadError } from "@/lib/load-error";

import { AnswerSections, RawAnswers } from "./answer-sections";
import { DeleteSubmission } from "./delete-submission";
import { ReviewStatus } from "./review-status";
import { ReviewToggle } from "./review-toggle";

type OpenedSubmission = FunctionReturnType<typeof api.submissions.open>;

/**
 * Shows one submission, with each answer labelled from the form version
 * the patient answered, its review state and the button that changes it.
 * The answers come from the `submissions:open` mutation, which records
 * the view in the audit log, and the Print button fetches them again
 * through `submissions:print`, which records the print. Only the review
 * state stays live, from `submissions:summary`, which returns no answers.
 * Its heading takes focus once the submission loads. `onDeleted` is set
 * for owners, who get a delete button. `onClose` adds a close button.
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
  const summary = useQuery(
    convexQuery(api.submissions.summary, { submissionId }),
  );
  const openSubmission = useMutation(api.submissions.open);
  const printSubmission = useMutation(api.submissions.print);
  const [opened, setOpened] = useState<OpenedSubmission | null>(null);
  const [openError, setOpenError] = useState<unknown>(null);
  const [printRequested, setPrintRequested] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const openedId = useRef<string | null>(null);
  const printingFromButton = useRef(false);
  const loaded = opened !== null;

  useEffect(() => {
    // Development mode runs effects twice, and one opening is one view.
    if (openedId.current === submissionId) return;
    openedId.current = submissionId;
    openSubmission({ submissionId }).then(setOpened, setOpenError);
  }, [submissionId, openSubmission]);

  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [loaded]);

  useEffect(() => {
    if (!printRequested) return;
    setPrintRequested(false);
    printingFromButton.current = true;
    window.print();
    printingFromButton.current = false;
  }, [printRequested]);

  useEffect(() => {
    if (!loaded) return;
    // The browser's own print command skips the Print button, so it is
    // recorded here. The page already shows the answers it prints.
    const onBeforePrint = () => {
      if (printingFromButton.current) return;
      void printSubmission({ submissionId }).catch(() => {});
    };
    window.addEventListener("beforeprint", onBeforePrint);
    return () => window.removeEventListener("beforeprint", onBeforePrint);
  }, [loaded, submissionId, printSubmission]);

  async function printFresh() {
    try {
      setOpened(await printSubmission({ submissionId }));
      setPrintRequested(true);
    } catch (error) {
      setOpenError(error);
    }
  }

  const failure = summary.isError ? summary.error : openError;
  if (failure !== null) {
    return (
      <Card role="alert" className="text-danger">
        {describeLoadError(failure, "submission")}
      </Card>
    );
  }
  if (opened === null) {
    return <Card>Loading the submission…</Card>;
  }
  const data = { ...opened, ...summary.data };
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
        <Button variant="secondary" onClick={printFresh} className="self-start">
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
          fileUrls={fileUrls(data.files)}
        />
      ) : (
        <RawAnswers answers={data.answers} />
      )}
    </Card>
  );
}

function fileUrls(files: OpenedSubmission["files"]) {
  return new Map(files.map((file) => [file.storageId, file.url]));
}
