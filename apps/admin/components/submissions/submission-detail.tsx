"use client";

import { convexQuery } from "@convex-dev/react-query";
import { api } from "@intake/backend/api";
import type { Id } from "@intake/backend/dataModel";
import { formDefinitionSchema } from "@intake/form-schema";
import { Button, Card } from "@intake/ui";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";

import { answerSections } from "@/lib/format-answer";
import { formatDateTime, isoDateTime } from "@/lib/format-time";
import { describeLoadError } from "@/lib/load-error";

import { AnswerSections, RawAnswers } from "./answer-sections";
import { ReviewStatus } from "./review-status";
import { ReviewToggle } from "./review-toggle";

/**
 * Shows one submission from `submissions:get`, with each answer labelled
 * from the form version the patient answered, its review state and the
 * button that changes it. Its heading takes focus once the submission loads.
 */
export function SubmissionDetail({
  submissionId,
  onClose,
}: {
  submissionId: Id<"submissions">;
  onClose: () => void;
}) {
  const submission = useQuery(
    convexQuery(api.submissions.get, { submissionId }),
  );
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = submission.data !== undefined;

  useEffect(() => {
    if (loaded) {
      heading.current?.focus();
    }
  }, [loaded]);

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
    <Card className="flex flex-col gap-4">
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
        <Button variant="ghost" onClick={onClose}>
          Close
        </Button>
      </div>
      <ReviewToggle
        submissionId={data.submissionId}
        reference={data.reference}
        reviewed={data.reviewedAt !== null}
      />
      {definition.success ? (
        <AnswerSections
          sections={answerSections(definition.data, data.answers)}
        />
      ) : (
        <RawAnswers answers={data.answers} />
      )}
    </Card>
  );
}
