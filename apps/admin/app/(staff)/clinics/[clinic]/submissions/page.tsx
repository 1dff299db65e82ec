"use client";

import { convexQuery } from "@convex-dev/react-query";
import { api } from "@intake/backend/api";
import type { Id } from "@intake/backend/dataModel";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useParams } from "next/navigation";
import { Suspense } from "react";

import { LoadError } from "@/components/shell/load-error";
import { PageHeading } from "@/components/shell/page-heading";
import { SubmissionsInbox } from "@/components/submissions/submissions-inbox";

/** Shows the submissions of every form of a clinic, with filters. */
export default function ClinicSubmissionsPage() {
  const params = useParams<{ clinic: string }>();
  // The address carries the id as text, and the backend validates it.
  const clinicId = params.clinic as Id<"clinics">;
  const forms = useQuery(convexQuery(api.forms.list, { clinicId }));

  if (forms.isError) {
    return <LoadError error={forms.error} subject="clinic" />;
  }
  return (
    <div className="flex flex-col gap-8">
      <title>Submissions · Intake</title>
      <div className="flex flex-col gap-3 print:hidden">
        <Link
          href={`/clinics/${clinicId}/forms`}
          className="text-accent self-start underline"
        >
          All forms
        </Link>
        <PageHeading>Inbox</PageHeading>
      </div>
      {forms.data ? (
        // useSearchParams needs a Suspense boundary in Next.js builds.
        <Suspense fallback={<p>Loading submissions…</p>}>
          <SubmissionsInbox
            clinicId={clinicId}
            forms={forms.data.map((form) => ({
              formId: form.formId,
              title: form.title,
            }))}
          />
        </Suspense>
      ) : (
        <p role="status">Loading forms…</p>
      )}
    </div>
  );
}
