"use client";

import type { Id } from "@intake/backend/dataModel";
import { useParams } from "next/navigation";

import { VersionHistory } from "@/components/builder/version-history";

/** Lists the published versions of a form and what each one changed. */
export default function FormHistoryPage() {
  const params = useParams<{ form: string }>();
  // The address carries the id as text, and the backend validates it.
  return <VersionHistory formId={params.form as Id<"forms">} />;
}
