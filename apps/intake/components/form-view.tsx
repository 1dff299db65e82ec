"use client";

import { localizeDefinition } from "@intake/form-schema";
import { PageShell } from "@intake/ui";
import { useEffect } from "react";

import { api } from "./api";
import { useLiveQuery } from "./convex-client";
import { FormRenderer } from "./form-renderer";
import { FormStopped } from "./form-stopped";
import { LanguageSwitch } from "./i18n/language-switch";
import { useLocale } from "./i18n/locale-context";
import { formTabTitle, type PublishedForm } from "./published-form";
import { useRecordView, useVisitorId } from "./use-visit";

/** Props of {@link FormView}. */
export interface FormViewProps {
  slug: string;
  /** The published form, loaded during server rendering. */
  initial: PublishedForm;
  /** The visitor segment of the address, or null when there is none. */
  visitorFromUrl: string | null;
}

/**
 * Shows a published form. The first render uses the server's copy, so the
 * form is in the first HTML response. The Convex subscription then keeps
 * it live. The server returns 404 for a form that is not published, so a
 * null result here means the clinic unpublished it during the visit. The
 * page then states this, and the draft keeps the answers on the device.
 */
export function FormView({ slug, initial, visitorFromUrl }: FormViewProps) {
  const form = useLiveQuery(api.forms.getPublished, { slug }, initial);
  const visitorId = useVisitorId(slug, visitorFromUrl);
  useRecordView(slug, visitorId);
  const { locale } = useLocale();

  // The server names the tab in the language it rendered, and the patient
  // may switch language after that.
  const title = form && localizeDefinition(form.definition, locale).title;
  const clinicName = form?.clinicName;
  useEffect(() => {
    if (title && clinicName) document.title = formTabTitle(title, clinicName);
  }, [title, clinicName]);

  return (
    <PageShell
      header={
        <div className="flex items-center justify-between gap-3">
          <p className="text-base font-semibold text-ink">{form?.clinicName}</p>
          <LanguageSwitch size="compact" />
        </div>
      }
    >
      {form ? (
        <FormRenderer form={form} visitorId={visitorId} />
      ) : (
        <FormStopped draftKept />
      )}
    </PageShell>
  );
}
