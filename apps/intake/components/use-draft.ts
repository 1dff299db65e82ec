"use client";

import type { Answers } from "@intake/form-schema";
import { useEffect, useEffectEvent, useRef, useState } from "react";

import { readDraft, removeDrafts, writeDraft } from "./draft-storage";
import type { PublishedForm } from "./published-form";
import { createToken } from "./tokens";

/** Delay after the last change before the draft is written, in ms. */
const SAVE_DELAY_MS = 400;

/**
 * Keeps the patient's answers and submission key in localStorage, so a
 * reload or a closed tab loses nothing. The draft is read once after
 * hydration and handed to `onRestore`. Later changes are written
 * `SAVE_DELAY_MS` after the last one, and at once when the page is hidden
 * or `save` is called.
 * Drafts belong to one form version, so a republished form starts empty.
 */
export function useDraft(
  form: Pick<PublishedForm, "formId" | "versionId">,
  answers: Answers,
  onRestore: (answers: Answers) => void,
) {
  const { formId, versionId } = form;
  const [submissionKey, setSubmissionKey] = useState(createToken);
  const [loaded, setLoaded] = useState(false);
  const pendingWrite = useRef<(() => void) | null>(null);
  const discarded = useRef(false);
  const restore = useEffectEvent(onRestore);

  // Runs once. A version published during the visit keeps the answers in
  // memory, and the save effect moves them to the new version's key.
  useEffect(() => {
    const draft = readDraft(formId, versionId);
    if (draft !== null) {
      setSubmissionKey(draft.submissionKey);
      restore(draft.answers);
    }
    setLoaded(true);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- read only on mount
  }, []);

  useEffect(() => {
    if (!loaded || discarded.current) return;

    const write = () => {
      pendingWrite.current = null;
      if (Object.keys(answers).length === 0) removeDrafts(formId);
      else writeDraft(formId, versionId, { answers, submissionKey });
    };
    pendingWrite.current = write;
    const timer = window.setTimeout(write, SAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [loaded, formId, versionId, answers, submissionKey]);

  useEffect(() => {
    const flushWhenHidden = () => {
      if (document.visibilityState === "hidden") pendingWrite.current?.();
    };
    const flush = () => pendingWrite.current?.();
    document.addEventListener("visibilitychange", flushWhenHidden);
    window.addEventListener("pagehide", flush);
    return () => {
      document.removeEventListener("visibilitychange", flushWhenHidden);
      window.removeEventListener("pagehide", flush);
      // Unmounting, as when the clinic unpublishes the form, cancels the
      // timer, so the last change is written here.
      flush();
    };
  }, []);

  /** Writes a pending change now, such as on Next or before a submit. */
  function save() {
    pendingWrite.current?.();
  }

  /** Removes the draft for good, after the submission is stored. */
  function discard() {
    discarded.current = true;
    pendingWrite.current = null;
    removeDrafts(formId);
  }

  return { submissionKey, save, discard };
}
