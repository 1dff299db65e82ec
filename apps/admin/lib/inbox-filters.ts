/** Review states the inbox can show, as `inbox:page` names them. */
export type ReviewFilter = "all" | "new" | "reviewed";

/**
 * Inbox filters as the address query string stores them. Dates are
 * calendar days (YYYY-MM-DD) in the browser's time zone, and both ends
 * are inclusive. A poster id is not patient data, so it may appear in
 * the address like the form id.
 */
export type InboxFilters = {
  formId: string | null;
  posterId: string | null;
  status: ReviewFilter;
  from: string | null;
  to: string | null;
};

const statuses: readonly ReviewFilter[] = ["all", "new", "reviewed"];
const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Returns local midnight of a YYYY-MM-DD day, or null if it is no date. */
function localMidnight(day: string): Date | null {
  const match = isoDay.exec(day);
  if (match === null) return null;
  const [year, month, date] = match.slice(1).map(Number) as [
    number,
    number,
    number,
  ];
  const midnight = new Date(year, month - 1, date);
  // Date rolls 2026-02-31 over to March, which marks it as invalid.
  if (midnight.getMonth() !== month - 1 || midnight.getDate() !== date) {
    return null;
  }
  return midnight;
}

function validDay(value: string | null): string | null {
  return value !== null && localMidnight(value) !== null ? value : null;
}

/**
 * Reads the filters from a query string. Unknown statuses and malformed
 * dates fall back to no filter, so an edited address still opens.
 */
export function parseInboxFilters(params: URLSearchParams): InboxFilters {
  const status = params.get("status");
  return {
    formId: params.get("form") || null,
    posterId: params.get("poster") || null,
    status: statuses.includes(status as ReviewFilter)
      ? (status as ReviewFilter)
      : "all",
    from: validDay(params.get("from")),
    to: validDay(params.get("to")),
  };
}

/**
 * Writes the filters as a query string with a leading "?", or "" when no
 * filter is set. Default values are left out.
 */
export function inboxFiltersQuery(filters: InboxFilters): string {
  const params = new URLSearchParams();
  if (filters.formId) params.set("form", filters.formId);
  if (filters.posterId) params.set("poster", filters.posterId);
  if (filters.status !== "all") params.set("status", filters.status);
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}

/**
 * Converts the day filters to the `submittedAt` range of `inbox:page`:
 * `from` at local midnight, inclusive, and `to` at the next local
 * midnight, exclusive, so the whole `to` day is included.
 */
export function submittedAtRange(filters: InboxFilters): {
  from?: number;
  to?: number;
} {
  const range: { from?: number; to?: number } = {};
  const from = filters.from === null ? null : localMidnight(filters.from);
  const to = filters.to === null ? null : localMidnight(filters.to);
  if (from !== null) range.from = from.getTime();
  if (to !== null) {
    to.setDate(to.getDate() + 1);
    range.to = to.getTime();
  }
  return range;
}
