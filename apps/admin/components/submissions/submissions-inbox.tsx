"use client";

import { api } from "@intake/backend/api";
import type { Id } from "@intake/backend/dataModel";
import { Button } from "@intake/ui";
import { usePaginatedQuery, useQuery } from "convex/react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";

import {
  type InboxFilters,
  inboxFiltersQuery,
  parseInboxFilters,
  submittedAtRange,
} from "@/lib/inbox-filters";
import { announceArrivals } from "@/lib/new-arrivals";

import { ExportButton } from "./export-button";
import { type FormChoice, InboxFilterBar } from "./inbox-filter-bar";
import { emptyListText, noMatchText } from "./review-filter";
import { SubmissionDetail } from "./submission-detail";
import { SubmissionList, submissionButtonId } from "./submission-list";
import { useClinicRole } from "./use-clinic-role";

/** Rows per page of the list. */
export const inboxPageSize = 25;

/**
 * Shows the live inbox of a clinic from `inbox:page`, newest first, with
 * filters kept in the address query string and a button that loads the
 * next page. With `formId` the inbox shows that form only. Otherwise
 * `forms` feeds the form filter. Once a form is chosen, its posters feed
 * the poster filter. New rows arrive at the top over the
 * Convex subscription and are announced in a polite live region.
 */
export function SubmissionsInbox({
  clinicId,
  formId,
  forms,
}: {
  clinicId: Id<"clinics">;
  formId?: Id<"forms">;
  forms?: readonly FormChoice[];
}) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const query = searchParams.toString();
  const addressKey = `${formId ?? ""}?${query}`;
  const addressFilters = useMemo(() => {
    const parsed = parseInboxFilters(new URLSearchParams(query));
    return formId ? { ...parsed, formId } : parsed;
  }, [query, formId]);
  // A change shows at once, before the router has replaced the address,
  // and a new address, such as after Back, replaces the local filters.
  const [local, setLocal] = useState({
    addressKey,
    filters: addressFilters,
  });
  const filters =
    local.addressKey === addressKey ? local.filters : addressFilters;
  const range = submittedAtRange(filters);
  const chosenFormId = (filters.formId ?? undefined) as Id<"forms"> | undefined;
  // The address carries ids as text, and the backend validates them.
  const chosenPosterId = (filters.posterId ?? undefined) as
    Id<"posters"> | undefined;
  const posters = useQuery(
    api.posters.list,
    chosenFormId ? { formId: chosenFormId, includeArchived: true } : "skip",
  );
  const queryArgs = {
    clinicId,
    formId: chosenFormId,
    posterId: chosenPosterId,
    status: filters.status,
    ...range,
  };
  const filterKey = JSON.stringify(queryArgs);
  const { results, status, loadMore } = usePaginatedQuery(
    api.inbox.page,
    queryArgs,
    { initialNumItems: inboxPageSize },
  );
  const role = useClinicRole(clinicId);
  const [openId, setOpenId] = useState<Id<"submissions"> | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [arrivedIds, setArrivedIds] = useState<ReadonlySet<string>>(new Set());
  // The newest `submittedAt` shown so far for these filters. Rows newer
  // than it arrived live, and rows of later pages are older.
  const newestSeen = useRef<{ key: string; at: number } | null>(null);
  const isLoadingFirstPage = status === "LoadingFirstPage";

  useEffect(() => {
    if (isLoadingFirstPage) return;
    const newest = Math.max(0, ...results.map((row) => row.submittedAt));
    const seen = newestSeen.current;
    if (seen === null || seen.key !== filterKey) {
      newestSeen.current = { key: filterKey, at: newest };
      return;
    }
    const arrived = results.filter((row) => row.submittedAt > seen.at);
    seen.at = Math.max(seen.at, newest);
    // Rows that join the reviewed list were reviewed, not submitted.
    if (arrived.length === 0 || filters.status === "reviewed") return;
    setAnnouncement(announceArrivals(arrived.map((row) => row.reference)));
    setArrivedIds(
      (previous) =>
        new Set([...previous, ...arrived.map((row) => row.submissionId)]),
    );
  }, [results, isLoadingFirstPage, filterKey, filters.status]);

  function changeFilters(next: InboxFilters) {
    setLocal({ addressKey, filters: next });
    const nextQuery = inboxFiltersQuery(
      formId ? { ...next, formId: null } : next,
    );
    router.replace(`${pathname}${nextQuery}`, { scroll: false });
  }

  function close(submissionId: Id<"submissions">) {
    setOpenId(null);
    // Focus returns to the row, or to the heading when a review state
    // change has moved the row out of the filtered list.
    const row = document.getElementById(submissionButtonId(submissionId));
    (row ?? document.getElementById("submissions-heading"))?.focus();
  }

  function deleted() {
    setOpenId(null);
    setAnnouncement("Submission deleted.");
    document.getElementById("submissions-heading")?.focus();
  }

  const isFiltered =
    (!formId && filters.formId !== null) ||
    filters.posterId !== null ||
    filters.from !== null ||
    filters.to !== null;
  const exportRequest = chosenFormId
    ? { ...queryArgs, formId: chosenFormId }
    : null;

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
          className="text-lg font-semibold outline-none print:hidden"
        >
          Submissions
        </h2>
        <InboxFilterBar
          filters={filters}
          forms={formId ? undefined : forms}
          posters={chosenFormId ? posters : undefined}
          onChange={changeFilters}
        />
        <ExportButton request={exportRequest} fileName="submissions.csv" />
        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
          {/* The open submission stays while other filters load. */}
          <div className="flex flex-col gap-3 print:hidden">
            {isLoadingFirstPage ? (
              <p>Loading submissions…</p>
            ) : (
              <SubmissionList
                rows={results}
                arrivedIds={arrivedIds}
                openId={openId}
                onOpen={setOpenId}
                emptyText={
                  isFiltered ? noMatchText : emptyListText[filters.status]
                }
              />
            )}
            {(status === "CanLoadMore" || status === "LoadingMore") && (
              <Button
                variant="secondary"
                pending={status === "LoadingMore"}
                onClick={() => loadMore(inboxPageSize)}
                className="self-start"
              >
                Show older submissions
              </Button>
            )}
          </div>
          {openId && (
            <SubmissionDetail
              key={openId}
              submissionId={openId}
              onClose={() => close(openId)}
              onDeleted={role === "owner" ? deleted : undefined}
            />
          )}
        </div>
      </section>
    </>
  );
}
