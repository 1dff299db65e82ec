"use client";

import type { Id } from "@intake/backend/dataModel";
import { useParams } from "next/navigation";

import { FormBuilder } from "@/components/builder/form-builder";

/** Opens the draft of a form in the form builder. */
export default function EditFormPage() {
  const params = useParams<{ form: string }>();
  // The address carries the id as text, and the backend validates it.
  return <FormBuilder formId={params.form as Id<"forms">} />;
}
