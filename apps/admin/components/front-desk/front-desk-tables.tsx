import type { api } from "@intake/backend/api";
import type { FunctionReturnType } from "convex/server";

import { formatDuration } from "@/lib/format-duration";
import { formatDateTime, isoDateTime } from "@/lib/format-time";

type FrontDesk = FunctionReturnType<typeof api.visits.frontDesk>;

/** Patients filling in a form now: form, page, time since start, poster. */
export function OpenVisitsTable({
  rows,
  now,
}: {
  rows: FrontDesk["open"];
  /** Milliseconds since the epoch, ticking, for the elapsed times. */
  now: number;
}) {
  if (rows.length === 0) {
    return <p>Nobody is filling in a form right now.</p>;
  }
  return (
    <table className="w-full border-collapse text-left">
      <thead>
        <tr className="border-border-subtle border-b">
          <th scope="col" className="py-2 pr-4">
            Form
          </th>
          <th scope="col" className="py-2 pr-4">
            Progress
          </th>
          <th scope="col" className="py-2 pr-4">
            Started
          </th>
          <th scope="col" className="py-2">
            Poster
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.visitId} className="border-border-subtle border-b">
            <td className="py-2 pr-4">{row.formTitle}</td>
            <td className="py-2 pr-4">
              Page {row.pageIndex + 1} of {row.pageCount}
            </td>
            <td className="py-2 pr-4">
              <time dateTime={isoDateTime(row.startedAt)}>
                {formatDuration(now - row.startedAt)} ago
              </time>
            </td>
            <td className="py-2">{row.posterName ?? "None"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The latest submitted visits: form, submit time, poster. */
export function RecentSubmissionsTable({
  rows,
}: {
  rows: FrontDesk["recent"];
}) {
  if (rows.length === 0) return <p>No submissions yet.</p>;
  return (
    <table className="w-full border-collapse text-left">
      <thead>
        <tr className="border-border-subtle border-b">
          <th scope="col" className="py-2 pr-4">
            Form
          </th>
          <th scope="col" className="py-2 pr-4">
            Submitted
          </th>
          <th scope="col" className="py-2 pr-4">
            Time taken
          </th>
          <th scope="col" className="py-2">
            Poster
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.visitId} className="border-border-subtle border-b">
            <td className="py-2 pr-4">{row.formTitle}</td>
            <td className="py-2 pr-4">
              <time dateTime={isoDateTime(row.submittedAt)}>
                {formatDateTime(row.submittedAt)}
              </time>
            </td>
            <td className="py-2 pr-4">
              {row.startedAt === null
                ? "–"
                : formatDuration(row.submittedAt - row.startedAt)}
            </td>
            <td className="py-2">{row.posterName ?? "None"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
