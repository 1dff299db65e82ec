"use client";

import type { Answers } from "@intake/form-schema";
import { useEffect, useEffectEvent, useRef, useState } from "react";

import { carryOverAnswers, fieldTypesOf } from "./draft-carry-over";
import {
  readDraft,
  readOtherVersionDraft,
  removeDraft,
  removeDrafts,
  writeDraft,
} from "./draft-storage";
import type { PublishedForm } from "./published-form";
import { createToken } from "./tokens";
import { useVersionChange } from "./use-version-change";

/** Delay after the last change before the draft is written, in ms. */
const SAVE_DELAY_MS = 400;

/** Callbacks through which {@link useDraft} changes the answers shown. */
export interface DraftCallbacks {
  /** Fills in the answers of a saved draft of this version. */
  onRestore: (answers: Answers) => void;
  /** Replaces every answer, after a move to a new version of the form. */
  onReplace: (answers: Answers) => void;
}

/**
 * Keeps the patient's answers and submission key in localStorage, so a
 * reload or a closed tab loses nothing. The draft is read once after
 * hydration. Later changes are written `SAVE_DELAY_MS` after the last
 * one, and at once when the page is hidden or `save` is called.
 *
 * Drafts are stored per form version. The clinic may publish a new
 * version before a reload or during the visit. Then the answers whose
 * field still exists with the same type and passes validation move to the
 * new version, and the others are dropped. `formUpdated` turns true, so
 * the page can ask the patient to check their answers. The old version's
 * draft stays stored until the new version's draft is written.
 */
export function useDraft(
  form: Pick<PublishedForm, "formId" | "versionId" | "definition">,
  answers: Answers,
  { onRestore, onReplace }: DraftCallbacks,
) {
  const { formId, versionId, definition } = form;
  const [submissionKey, setSubmissionKey] = useState(createToken);
  const [loaded, setLoaded] = useState(false);
  const [formUpdated, setFormUpdated] = useState(false);
  const pendingWrite = useRef<(() => void) | null>(null);
  const discarded = useRef(false);
  const restore = useEffectEvent(onRestore);

  // Runs once. A draft of this version fills in as it was, and a draft of
  // an older version fills in the answers that fit this one.
  useEffect(() => {
    const draft = readDraft(formId, versionId);
    const older = draft ?? readOtherVersionDraft(formId, versionId);
    if (draft !== null) {
      setSubmissionKey(draft.submissionKey);
      restore(draft.answers);
    } else if (older !== null) {
      // The same key still returns a submission stored before the new
      // version was published, so it is kept.
      setSubmissionKey(older.submissionKey);
      restore(carryOverAnswers(definition, older.answers, older.fieldTypes));
      setFormUpdated(true);
    }
    setLoaded(true);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- read only on mount
  }, []);

  const versionChanged = useVersionChange(form, answers, onReplace);

  useEffect(() => {
    if (!loaded || discarded.current) return;

    const write = () => {
      pendingWrite.current = null;
      // An empty draft removes only this version's, so a draft of an
      // older version that had no answer to carry over is not destroyed.
      if (Object.keys(answers).length === 0) removeDraft(formId, versionId);
      else {
        const fieldTypes = fieldTypesOf(definition);
        writeDraft(formId, versionId, { answers, submissionKey, fieldTypes });
      }
    };
    pendingWrite.current = write;
    const timer = window.setTimeout(write, SAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [loaded, formId, versionId, definition, answers, submissionKey]);

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

  return {
    submissionKey,
    formUpdated: formUpdated || versionChanged,
    save,
    discard,
  };
}
