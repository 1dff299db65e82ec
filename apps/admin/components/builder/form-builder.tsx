"use client";

import { convexQuery } from "@convex-dev/react-query";
import { api } from "@intake/backend/api";
import type { Id } from "@intake/backend/dataModel";
import { useQuery } from "@tanstack/react-query";

import { LoadError } from "@/components/shell/load-error";

import { BuilderWorkspace } from "./builder-workspace";

/**
 * Loads a form with `forms:get` and opens its draft in the builder. The
 * query stays live, so drafts that colleagues save arrive here too.
 */
export function FormBuilder({ formId }: { formId: Id<"forms"> }) {
  const form = useQuery(convexQuery(api.forms.get, { formId }));

  if (form.isError) {
    return <LoadError error={form.error} subject="form" />;
  }
  if (!form.data) {
    return <p role="status">Loading the form…</p>;
  }
  return <BuilderWorkspace form={form.data} />;
}
