"use client";

import { convexQuery } from "@convex-dev/react-query";
import { api } from "@intake/backend/api";
import type { Id } from "@intake/backend/dataModel";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";

import { ArrivalTracker, announceArrivals } from "@/lib/new-arrivals";

import {
  emptyListText,
  type ReviewFilter,
  ReviewFilterPicker,
} from "./review-filter";
import { SubmissionDetail } from "./submission-detail";
import { SubmissionList, submissionButtonId } from "./submission-list";

/**
 * Shows the live inbox of a form's submissions from `submissions:list`,
 * filtered by review state. New rows arrive over the Convex subscription
 * and are announced in a polite live region. Choosing one shows its
 * answers beside the list.
 */
export function SubmissionsInbox({ formId }: { formId: Id<"forms"> }) {
  const [filter, setFilter] = useState<ReviewFilter>("all");
  // The previous filter's rows stay on screen while the next ones load, so
  // an open submission is not unmounted and refocused.
  const submissions = useQuery({
    ...convexQuery(api.submissions.list, { formId, status: filter }),
    placeholderData: keepPreviousData,
  });
  const isPlaceholder = submissions.isPlaceholderData;
  const tracker = useRef(new ArrivalTracker());
  const [arrivedIds, setArrivedIds] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState("");
  const [openId, setOpenId] = useState<Id<"submissions"> | null>(null);
  // NOTE: `submissions:list` returns the first 100 rows by default, and the
  // inbox has no paging yet, so older submissions are not reachable here.
  const rows = submissions.data;

  function close(submissionId: Id<"submissions">) {
    setOpenId(null);
    // Focus returns to the row, or to the heading when a review state
    // change has moved the row out of the filtered list.
    const row = document.getElementById(submissionButtonId(submissionId));
    (row ?? document.getElementById("submissions-heading"))?.focus();
  }

  function changeFilter(next: ReviewFilter) {
    // Rows of the new filter are a backlog, not arrivals.
    tracker.current = new ArrivalTracker();
    setFilter(next);
  }

  useEffect(() => {
    if (!rows || isPlaceholder) {
      return;
    }
    const arrived = tracker.current.update(rows.map((row) => row.submissionId));
    // Rows that join the reviewed list were reviewed, not submitted.
    if (arrived.length === 0 || filter === "reviewed") {
      return;
    }
    const references = rows
      .filter((row) => arrived.includes(row.submissionId))
      .map((row) => row.reference);
    setAnnouncement(announceArrivals(references));
    setArrivedIds((previous) => new Set([...previous, ...arrived]));
  }, [rows, filter, isPlaceholder]);

  return (
    <>
      {/* Outside the region, so the inbox itself lists each reference once. */}
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
      <section
        aria-labelledby="submissions-heading"
        className="flex flex-col gap-4"
      >
        <h2
          id="submissions-heading"
          tabIndex={-1}
          className="text-lg font-semibold outline-none"
        >
          Submissions
        </h2>
        <ReviewFilterPicker value={filter} onChange={changeFilter} />
        {submissions.isError ? (
          <p role="alert" className="text-danger">
            Could not load the submissions. Reload the page to try again.
          </p>
        ) : !rows ? (
          <p>Loading submissions…</p>
        ) : (
          <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
            <SubmissionList
              rows={rows}
              arrivedIds={arrivedIds}
              openId={openId}
              onOpen={setOpenId}
              emptyText={emptyListText[filter]}
            />
            {openId && (
              <SubmissionDetail
                key={openId}
                submissionId={openId}
                onClose={() => close(openId)}
              />
            )}
          </div>
        )}
      </section>
    </>
  );
}
