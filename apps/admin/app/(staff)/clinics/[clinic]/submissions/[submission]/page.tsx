"use client";

import type { Id } from "@intake/backend/dataModel";
import Link from "next/link";
import { useParams, useRouter } from "next/navigation";

import { SubmissionDetail } from "@/components/submissions/submission-detail";
import { useClinicRole } from "@/components/submissions/use-clinic-role";

/**
 * Shows one submission on a page of its own, for links and printing.
 * Members of other clinics get the not-found message of the detail.
 */
export default function SubmissionPage() {
  const params = useParams<{ clinic: string; submission: string }>();
  const router = useRouter();
  const role = useClinicRole(params.clinic);
  const inboxHref = `/clinics/${params.clinic}/submissions`;

  return (
    <div className="flex flex-col gap-6">
      <title>Submission · Intake</title>
      <Link
        href={inboxHref}
        className="text-accent self-start underline print:hidden"
      >
        Inbox
      </Link>
      <SubmissionDetail
        // The address carries the id as text, and the backend validates it.
        submissionId={params.submission as Id<"submissions">}
        onDeleted={role === "owner" ? () => router.push(inboxHref) : undefined}
      />
    </div>
  );
}
