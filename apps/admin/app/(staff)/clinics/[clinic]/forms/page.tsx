"use client";

import { convexQuery } from "@convex-dev/react-query";
import { api } from "@intake/backend/api";
import type { Id } from "@intake/backend/dataModel";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useParams } from "next/navigation";

import { FormsTable } from "@/components/forms/forms-table";
import { NewFormFromTemplate } from "@/components/forms/new-form-from-template";
import { LoadError } from "@/components/shell/load-error";
import { PageHeading } from "@/components/shell/page-heading";

/** Lists the clinic's forms and offers the template gallery. */
export default function FormsPage() {
  const params = useParams<{ clinic: string }>();
  // The address carries the id as text, and the backend validates it.
  const clinicId = params.clinic as Id<"clinics">;
  const clinics = useQuery(convexQuery(api.clinics.listMine, {}));
  const forms = useQuery(convexQuery(api.forms.list, { clinicId }));
  const clinic = clinics.data?.find((row) => row.clinicId === clinicId);

  if (forms.isError) {
    return <LoadError error={forms.error} subject="clinic" />;
  }
  return (
    <div className="flex flex-col gap-8">
      <title>
        {clinic ? `Forms · ${clinic.name} · Intake` : "Forms · Intake"}
      </title>
      <div className="flex flex-col gap-1">
        {clinic && <p className="text-muted">{clinic.name}</p>}
        <PageHeading>Forms</PageHeading>
        <nav aria-label="Clinic" className="flex gap-4">
          <Link
            href={`/clinics/${clinicId}/submissions`}
            className="text-accent underline"
          >
            Inbox
          </Link>
          {clinic?.role === "owner" && (
            <Link
              href={`/clinics/${clinicId}/settings/audit`}
              className="text-accent underline"
            >
              Audit log
            </Link>
          )}
        </nav>
      </div>
      <NewFormFromTemplate clinicId={clinicId} />
      <section aria-labelledby="forms-heading" className="flex flex-col gap-3">
        <h2 id="forms-heading" className="text-lg font-semibold">
          All forms
        </h2>
        {forms.data ? (
          <FormsTable clinicId={clinicId} forms={forms.data} />
        ) : (
          <p role="status">Loading forms…</p>
        )}
      </section>
    </div>
  );
}
