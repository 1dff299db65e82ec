import type { Id } from "@intake/backend/dataModel";

import { cn } from "@intake/ui";

import { formatDateTime, isoDateTime } from "@/lib/format-time";

import { ReviewStatus } from "./review-status";

/** The part of a `submissions:list` row that the list shows. */
export type SubmissionRow = {
  submissionId: Id<"submissions">;
  reference: string;
  version: number;
  submittedAt: number;
  reviewedAt: number | null;
};

/** Returns the element id of a row's button, so focus can return to it. */
export function submissionButtonId(submissionId: string): string {
  return `submission-${submissionId}`;
}

/**
 * Lists submissions in the given order, each a button with reference,
 * time and review state. `emptyText` is shown when `rows` is empty.
 */
export function SubmissionList({
  rows,
  arrivedIds,
  openId,
  onOpen,
  emptyText,
}: {
  rows: SubmissionRow[];
  arrivedIds: ReadonlySet<string>;
  openId: string | null;
  onOpen: (submissionId: Id<"submissions">) => void;
  emptyText: string;
}) {
  if (rows.length === 0) {
    return <p className="text-muted">{emptyText}</p>;
  }
  return (
    <ul className="flex flex-col gap-2">
      {rows.map((row) => {
        const isOpen = row.submissionId === openId;
        return (
          <li key={row.submissionId}>
            <button
              type="button"
              id={submissionButtonId(row.submissionId)}
              aria-pressed={isOpen}
              onClick={() => onOpen(row.submissionId)}
              className={cn(
                "flex w-full flex-wrap items-baseline justify-between gap-x-4 gap-y-1 rounded-lg border px-4 py-3 text-left",
                isOpen
                  ? "border-accent bg-accent-soft"
                  : "border-border-subtle bg-canvas",
              )}
            >
              <span className="font-mono font-semibold tracking-wider">
                <span className="sr-only">Reference </span>
                {row.reference}
              </span>
              <time
                dateTime={isoDateTime(row.submittedAt)}
                className="text-muted"
              >
                {formatDateTime(row.submittedAt)}
              </time>
              <span className="flex gap-2">
                <ReviewStatus reviewed={row.reviewedAt !== null} />
                {arrivedIds.has(row.submissionId) && (
                  <span className="bg-success-soft text-success rounded-full px-2 text-sm font-medium">
                    Just arrived
                  </span>
                )}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
