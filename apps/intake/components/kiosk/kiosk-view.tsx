"use client";

import { localizeDefinition } from "@intake/form-schema";
import { Button, PageShell } from "@intake/ui";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

import { api } from "../api";
import { useLiveQuery, useMutation } from "../convex-client";
import { FormStopped } from "../form-stopped";
import { LanguageSwitch } from "../i18n/language-switch";
import type { PublishedForm } from "../published-form";
import { useLocale } from "../i18n/locale-context";
import { createToken } from "../tokens";
import { useFocusAfterRender } from "../use-focus-after-render";
import { ExitDialog } from "./exit-dialog";
import { KioskSession } from "./kiosk-session";
import type { KioskTiming } from "./kiosk-timing";

/** Props of {@link KioskView}. */
export interface KioskViewProps {
  slug: string;
  /** The published form, loaded during server rendering. */
  initial: PublishedForm;
  timing: KioskTiming;
}

/** Ids of one patient's turn. They exist only in memory. */
interface Session {
  visitorId: string;
  submissionKey: string;
}

/**
 * Runs a published form on a shared tablet. The welcome screen starts a
 * session with a fresh visitor id and submission key, and records one
 * view for it. Ending the session unmounts the form, so nothing the
 * patient entered stays in memory or in the page. Each patient starts in
 * the tablet's own language, and a switch to the other one is not stored.
 */
export function KioskView({ slug, initial, timing }: KioskViewProps) {
  const form = useLiveQuery(api.forms.getPublished, { slug }, initial);
  const recordView = useMutation(api.views.record);
  const router = useRouter();
  const focusAfterRender = useFocusAfterRender();
  const startRef = useRef<HTMLButtonElement>(null);
  const [session, setSession] = useState<Session | null>(null);
  const [exiting, setExiting] = useState(false);
  const { locale, messages, resetLocale } = useLocale();
  const text = messages.kiosk;

  // A language cookie left by the phone route on this device is ignored.
  useEffect(() => {
    resetLocale();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per kiosk
  }, []);

  // Unpublishing unmounts the form with the patient's answers, so their
  // turn is over. If the clinic publishes again, the welcome screen shows.
  const closed = !form;
  useEffect(() => {
    if (!closed) return;
    setSession(null);
    resetLocale();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on closing only
  }, [closed]);

  function start() {
    const visitorId = createToken();
    setSession({ visitorId, submissionKey: createToken() });
    recordView({ slug, visitorId }).catch(() => {
      // A lost view only lowers a statistic, so no message is shown.
      console.warn(`Recording a kiosk view of form "${slug}" failed.`);
    });
  }

  function end() {
    setSession(null);
    resetLocale();
    focusAfterRender(() => startRef.current);
  }

  function leave() {
    setExiting(false);
    router.replace("/kiosk-closed");
  }

  if (!form) {
    return (
      <PageShell>
        <FormStopped draftKept={false} />
      </PageShell>
    );
  }

  if (session !== null) {
    return (
      <PageShell
        header={
          <div className="flex items-center justify-between gap-3">
            <p className="text-xl font-semibold text-ink">{form.clinicName}</p>
            <LanguageSwitch remember={false} size="large" />
          </div>
        }
        className="text-lg"
      >
        <KioskSession
          form={form}
          visitorId={session.visitorId}
          submissionKey={session.submissionKey}
          timing={timing}
          onEnd={end}
        />
      </PageShell>
    );
  }

  return (
    <PageShell width="wide">
      <div className="flex justify-end">
        <LanguageSwitch remember={false} size="large" />
      </div>
      <div className="flex min-h-[75dvh] flex-col items-center justify-center gap-10 text-center">
        <p className="text-2xl font-semibold text-muted">{form.clinicName}</p>
        <h1 className="text-5xl font-bold text-ink">{text.welcome}</h1>
        <p className="max-w-xl text-2xl text-ink">
          {text.intro(localizeDefinition(form.definition, locale).title)}
        </p>
        <Button
          ref={startRef}
          size="huge"
          className="w-full max-w-xl"
          onClick={start}
        >
          {text.start}
        </Button>
      </div>
      <div className="flex justify-end">
        <Button variant="ghost" onClick={() => setExiting(true)}>
          {text.exit}
        </Button>
      </div>
      {exiting ? (
        <ExitDialog
          slug={slug}
          onCancel={() => setExiting(false)}
          onVerified={leave}
        />
      ) : null}
    </PageShell>
  );
}
