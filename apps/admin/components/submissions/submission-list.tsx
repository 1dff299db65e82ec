import type { Id } from "@intake/backend/dataModel";

import { cn } from "@intake/ui";

import { formatDateTime, isoDateTime } from "@/lib/format-time";

/** The part of a `submissions:list` row that the list shows. */
export type SubmissionRow = {
  submissionId: Id<"submissions">;
  reference: string;
  version: number;
  submittedAt: number;
};

/** Returns the element id of a row's button, so focus can return to it. */
export function submissionButtonId(submissionId: string): string {
  return `submission-${submissionId}`;
}

/** Lists submissions newest first, each a button with time and reference. */
export function SubmissionList({
  rows,
  arrivedIds,
  openId,
  onOpen,
}: {
  rows: SubmissionRow[];
  arrivedIds: ReadonlySet<string>;
  openId: string | null;
  onOpen: (submissionId: Id<"submissions">) => void;
}) {
  if (rows.length === 0) {
    return (
      <p className="text-muted">
        No submissions yet. New ones appear here as patients send them.
      </p>
    );
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
                "border-border-subtle flex w-full flex-wrap items-baseline justify-between gap-x-4 gap-y-1 rounded-lg border bg-canvas px-4 py-3 text-left",
                isOpen && "border-accent bg-accent-soft",
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
              {arrivedIds.has(row.submissionId) && (
                <span className="bg-success-soft text-success rounded-full px-2 text-sm font-medium">
                  New
                </span>
              )}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
