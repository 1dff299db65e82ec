"use client";

import { readEarlyAnswers } from "./early-answers";
import { FormSteps } from "./form-steps";
import type { PublishedForm } from "./published-form";
import { useDraft } from "./use-draft";
import { useFormAnswers } from "./use-form-answers";

/** Props of {@link FormRenderer}. */
export interface FormRendererProps {
  form: PublishedForm;
  /** Null until the browser has assigned the visit its id. */
  visitorId: string | null;
}

/**
 * Shows a published form on the patient's own phone. Answers typed before
 * hydration are kept, and `useDraft` keeps a draft in localStorage.
 */
export function FormRenderer({ form, visitorId }: FormRendererProps) {
  const fields = useFormAnswers(form.definition, () =>
    readEarlyAnswers(form.definition),
  );
  const draft = useDraft(form, fields.answers, {
    onRestore: fields.restore,
    onReplace: fields.replace,
  });

  return (
    <FormSteps
      form={form}
      visitorId={visitorId}
      fields={fields}
      draft={draft}
    />
  );
}
