"use client";

import { convexQuery } from "@convex-dev/react-query";
import { api } from "@intake/backend/api";
import type { Id } from "@intake/backend/dataModel";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useParams, useRouter } from "next/navigation";
import { Suspense, useEffect } from "react";

import { FormStats } from "@/components/form-detail/form-stats";
import { PublishButton } from "@/components/form-detail/publish-button";
import { SharePanel } from "@/components/form-detail/share-panel";
import { UnpublishButton } from "@/components/form-detail/unpublish-button";
import { FormStatus } from "@/components/forms/form-status";
import { LoadError } from "@/components/shell/load-error";
import { PageHeading } from "@/components/shell/page-heading";
import { RetentionSetting } from "@/components/submissions/retention-setting";
import { SubmissionsInbox } from "@/components/submissions/submissions-inbox";
import { useClinicRole } from "@/components/submissions/use-clinic-role";

/** Shows one form: status, publishing, sharing, live counts and the inbox. */
export default function FormPage() {
  const params = useParams<{ clinic: string; form: string }>();
  // The address carries the ids as text, and the backend validates them.
  const formId = params.form as Id<"forms">;
  const form = useQuery(convexQuery(api.forms.get, { formId }));
  const router = useRouter();
  const role = useClinicRole(params.clinic);
  const formClinicId = form.data?.clinicId;
  const isOtherClinic =
    formClinicId !== undefined && formClinicId !== params.clinic;

  // A member of several clinics may follow a link with another clinic's id:
  // show the form under the address of the clinic it belongs to.
  useEffect(() => {
    if (isOtherClinic) {
      router.replace(`/clinics/${formClinicId}/forms/${formId}`);
    }
  }, [isOtherClinic, formClinicId, formId, router]);

  if (form.isError) {
    return <LoadError error={form.error} subject="form" />;
  }
  if (!form.data || isOtherClinic) {
    return <p role="status">Loading the form…</p>;
  }
  const { title, status, publishedVersion, slug, clinicId, draftRevision } =
    form.data;
  const isPublished = status === "published";

  return (
    <div className="flex flex-col gap-8">
      <title>{`${title} · Intake`}</title>
      <div className="flex flex-col gap-3">
        <Link
          href={`/clinics/${clinicId}/forms`}
          className="text-accent self-start underline"
        >
          All forms
        </Link>
        <PageHeading>{title}</PageHeading>
        <FormStatus status={status} publishedVersion={publishedVersion} />
        <nav aria-label="Form" className="flex flex-wrap gap-4">
          <Link
            href={`/clinics/${clinicId}/forms/${formId}/edit`}
            className="text-accent underline"
          >
            Edit form
          </Link>
          <Link
            href={`/clinics/${clinicId}/forms/${formId}/history`}
            className="text-accent underline"
          >
            Version history
          </Link>
          <Link
            href={`/clinics/${clinicId}/forms/${formId}/posters`}
            className="text-accent underline"
          >
            Posters
          </Link>
          <Link
            href={`/clinics/${clinicId}/forms/${formId}/analytics`}
            className="text-accent underline"
          >
            Analytics
          </Link>
        </nav>
      </div>
      <div className="flex flex-wrap items-start gap-4">
        <PublishButton
          formId={formId}
          revision={draftRevision}
          isPublished={isPublished}
        />
        <UnpublishButton formId={formId} isPublished={isPublished} />
      </div>
      {isPublished && <SharePanel slug={slug} title={title} />}
      <FormStats formId={formId} />
      {(role === "owner" || role === "staff") && (
        <RetentionSetting formId={formId} canEdit={role === "owner"} />
      )}
      {/* useSearchParams needs a Suspense boundary in Next.js builds. */}
      <Suspense fallback={<p>Loading submissions…</p>}>
        <SubmissionsInbox clinicId={clinicId} formId={formId} />
      </Suspense>
    </div>
  );
}
