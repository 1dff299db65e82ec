"use client";

import { AutofillProvider, Button } from "@intake/ui";
import { useEffect, useEffectEvent, useState } from "react";

import { FormSteps, type AnswerStore } from "../form-steps";
import { useMessages } from "../i18n/locale-context";
import type { PublishedForm } from "../published-form";
import { useFormAnswers } from "../use-form-answers";
import { useVersionChange } from "../use-version-change";
import { IdleDialog } from "./idle-dialog";
import type { KioskTiming } from "./kiosk-timing";
import { useIdleCountdown } from "./use-idle-countdown";

/** Props of {@link KioskSession}. */
export interface KioskSessionProps {
  form: PublishedForm;
  visitorId: string;
  submissionKey: string;
  timing: KioskTiming;
  /** Ends the session. The parent unmounts this component, which wipes it. */
  onEnd: () => void;
}

/**
 * One patient's turn at the kiosk. Answers live only in this component's
 * state, never in browser storage, so unmounting it wipes them. Every text
 * control sets `autocomplete="off"`, so the browser's autofill does not
 * save one patient's answers or offer them to the next.
 */
export function KioskSession({
  form,
  visitorId,
  submissionKey,
  timing,
  onEnd,
}: KioskSessionProps) {
  const fields = useFormAnswers(form.definition);
  const formUpdated = useVersionChange(form, fields.answers, fields.replace);
  const text = useMessages().kiosk;
  const [submitted, setSubmitted] = useState(false);
  const idle = useIdleCountdown({
    idleMs: timing.idleMs,
    countdownMs: timing.countdownMs,
    enabled: !submitted,
    onExpire: onEnd,
  });
  const end = useEffectEvent(onEnd);

  useEffect(() => {
    if (!submitted) return;
    const timer = window.setTimeout(() => end(), timing.confirmationMs);
    return () => window.clearTimeout(timer);
  }, [submitted, timing.confirmationMs]);

  const memoryStore: AnswerStore = {
    submissionKey,
    save: () => {},
    discard: fields.clear,
    formUpdated,
  };

  return (
    <div className="flex flex-col gap-6">
      <AutofillProvider allowed={false}>
        <FormSteps
          form={form}
          visitorId={visitorId}
          fields={fields}
          draft={memoryStore}
          onSubmitted={() => setSubmitted(true)}
        />
      </AutofillProvider>
      {submitted ? (
        <Button size="large" onClick={onEnd}>
          {text.done}
        </Button>
      ) : null}
      {idle.warning ? (
        <IdleDialog
          secondsLeft={idle.secondsLeft}
          onContinue={idle.keepGoing}
        />
      ) : null}
    </div>
  );
}
