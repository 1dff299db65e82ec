"use client";

import { convexQuery } from "@convex-dev/react-query";
import { api } from "@intake/backend/api";
import type { Id } from "@intake/backend/dataModel";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";

import { ArrivalTracker, announceArrivals } from "@/lib/new-arrivals";

import { SubmissionDetail } from "./submission-detail";
import { SubmissionList, submissionButtonId } from "./submission-list";

/**
 * Shows the live inbox of a form's submissions from `submissions:list`. New rows
 * arrive over the Convex subscription and are announced in a polite live
 * region. Choosing one shows its answers beside the list.
 */
export function SubmissionsInbox({ formId }: { formId: Id<"forms"> }) {
  // NOTE: `submissions:list` returns the newest 100 by default, and the
  // inbox has no paging yet, so older submissions are not reachable here.
  const submissions = useQuery(convexQuery(api.submissions.list, { formId }));
  const tracker = useRef(new ArrivalTracker());
  const [arrivedIds, setArrivedIds] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState("");
  const [openId, setOpenId] = useState<Id<"submissions"> | null>(null);
  const rows = submissions.data;

  function close(submissionId: Id<"submissions">) {
    setOpenId(null);
    // The row stays in the list, so focus returns to where the user was.
    document.getElementById(submissionButtonId(submissionId))?.focus();
  }

  useEffect(() => {
    if (!rows) {
      return;
    }
    const arrived = tracker.current.update(rows.map((row) => row.submissionId));
    if (arrived.length === 0) {
      return;
    }
    const references = rows
      .filter((row) => arrived.includes(row.submissionId))
      .map((row) => row.reference);
    setAnnouncement(announceArrivals(references));
    setArrivedIds((previous) => new Set([...previous, ...arrived]));
  }, [rows]);

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
        <h2 id="submissions-heading" className="text-lg font-semibold">
          Submissions
        </h2>
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
