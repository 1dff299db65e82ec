"use client";

import { api } from "@intake/backend/api";
import type { Id } from "@intake/backend/dataModel";
import { Button } from "@intake/ui";
import { usePaginatedQuery } from "convex/react";
import { useParams } from "next/navigation";

import { PageHeading } from "@/components/shell/page-heading";
import { useClinicRole } from "@/components/submissions/use-clinic-role";
import { formatDateTime, isoDateTime } from "@/lib/format-time";

const actionLabels = {
  view: "Viewed",
  print: "Printed",
  export: "Exported",
  delete: "Deleted",
} as const;

/** Rows per page of the audit log. */
const auditPageSize = 50;

/**
 * Lists the clinic's audit log for owners, newest first. Staff get a
 * message instead, because `audit:list` rejects them.
 */
export default function AuditPage() {
  const params = useParams<{ clinic: string }>();
  const role = useClinicRole(params.clinic);

  return (
    <div className="flex flex-col gap-6">
      <title>Audit log · Intake</title>
      <PageHeading>Audit log</PageHeading>
      {role === undefined ? (
        <p role="status">Loading…</p>
      ) : role === "owner" ? (
        <AuditTable clinicId={params.clinic as Id<"clinics">} />
      ) : (
        <p role="alert">
          Only clinic owners can read the audit log. Ask an owner of this clinic
          for access.
        </p>
      )}
    </div>
  );
}

function AuditTable({ clinicId }: { clinicId: Id<"clinics"> }) {
  const { results, status, loadMore } = usePaginatedQuery(
    api.audit.list,
    { clinicId },
    { initialNumItems: auditPageSize },
  );

  if (status === "LoadingFirstPage") {
    return <p role="status">Loading the audit log…</p>;
  }
  if (results.length === 0) {
    return <p>No entries yet.</p>;
  }
  return (
    <div className="flex flex-col gap-4">
      <table className="w-full text-left">
        <thead>
          <tr className="border-border-subtle border-b">
            <th scope="col" className="py-2 pr-4">
              When
            </th>
            <th scope="col" className="py-2 pr-4">
              Action
            </th>
            <th scope="col" className="py-2 pr-4">
              Who
            </th>
            <th scope="col" className="py-2 pr-4">
              Form
            </th>
            <th scope="col" className="py-2">
              Detail
            </th>
          </tr>
        </thead>
        <tbody>
          {results.map((entry) => (
            <tr key={entry.auditId} className="border-border-subtle border-b">
              <td className="py-2 pr-4">
                <time dateTime={isoDateTime(entry.at)}>
                  {formatDateTime(entry.at)}
                </time>
              </td>
              <td className="py-2 pr-4">{actionLabels[entry.action]}</td>
              <td className="py-2 pr-4">
                {entry.actorEmail ?? "Retention purge"}
              </td>
              <td className="py-2 pr-4">{entry.formTitle ?? ""}</td>
              <td className="py-2">{entry.detail ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {(status === "CanLoadMore" || status === "LoadingMore") && (
        <Button
          variant="secondary"
          pending={status === "LoadingMore"}
          onClick={() => loadMore(auditPageSize)}
          className="self-start"
        >
          Show older entries
        </Button>
      )}
    </div>
  );
}
