"use client";

import type { api } from "@intake/backend/api";
import { PageShell } from "@intake/ui";
import { usePreloadedQuery, type Preloaded } from "convex/react";

import { FormRenderer } from "./form-renderer";
import { FormUnavailable } from "./form-unavailable";
import { useRecordView, useVisitorId } from "./use-visit";

/** Props of {@link FormView}. */
export interface FormViewProps {
  slug: string;
  /** The published form, loaded during server rendering. */
  preloaded: Preloaded<typeof api.forms.getPublished>;
  /** The visitor segment of the address, or null when there is none. */
  visitorFromUrl: string | null;
}

/**
 * Shows a published form. The first render uses the server's copy, so the
 * form is in the first HTML response. The Convex subscription then keeps
 * it live. If the clinic unpublishes the form while the patient is on the
 * page, the page shows "Form not found".
 */
export function FormView({ slug, preloaded, visitorFromUrl }: FormViewProps) {
  const form = usePreloadedQuery(preloaded);
  const visitorId = useVisitorId(slug, visitorFromUrl);
  useRecordView(slug, visitorId);

  return (
    <PageShell
      header={
        form ? (
          <p className="text-base font-semibold text-ink">{form.clinicName}</p>
        ) : null
      }
    >
      {form ? (
        <FormRenderer form={form} visitorId={visitorId} />
      ) : (
        <FormUnavailable />
      )}
    </PageShell>
  );
}
