"use client";

import type { Answers } from "@intake/form-schema";
import { useRef, useState } from "react";

import { api } from "./api";
import { useMutation } from "./convex-client";
import { useMessages } from "./i18n/locale-context";
import type { PublishedForm } from "./published-form";
import { describeSubmitError, type SubmitFailure } from "./submit-errors";

/** Result of one submit attempt. */
export type SubmitOutcome =
  { kind: "submitted"; reference: string } | SubmitFailure;

/**
 * Sends answers with `submissions:submit`. Every attempt sends the same
 * `submissionKey`, which the draft keeps across reloads, so a double tap
 * or a retry after a lost response stores one submission. A second call
 * while one is in flight returns null without sending.
 */
export function useSubmitAnswers(
  form: PublishedForm,
  visitorId: string | null,
  submissionKey: string,
) {
  const submit = useMutation(api.submissions.submit);
  const messages = useMessages();
  const [pending, setPending] = useState(false);
  // The state above updates after a re-render, so a ref blocks a second
  // tap that arrives before React re-renders.
  const inFlight = useRef(false);

  async function send(answers: Answers): Promise<SubmitOutcome | null> {
    if (inFlight.current) return null;
    if (visitorId === null) return describeSubmitError(null, messages);

    inFlight.current = true;
    setPending(true);
    try {
      const result = await submit({
        slug: form.slug,
        versionId: form.versionId,
        visitorId,
        submissionKey,
        answers,
      });
      return { kind: "submitted", reference: result.reference };
    } catch (error) {
      return describeSubmitError(error, messages);
    } finally {
      inFlight.current = false;
      setPending(false);
    }
  }

  return { send, pending };
}
