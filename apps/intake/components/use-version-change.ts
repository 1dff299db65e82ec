"use client";

import type { Answers, FormDefinition } from "@intake/form-schema";
import { useEffect, useEffectEvent, useRef, useState } from "react";

import { carryOverAnswers, fieldTypesOf } from "./draft-carry-over";

/**
 * Moves the answers in memory to a version published during the visit,
 * which arrives through the form's subscription. Answers that fit the new
 * version (see `carryOverAnswers`) go to `onReplace`, and the others are
 * dropped. Returns true from then on, so the page can ask the patient to
 * check their answers.
 */
export function useVersionChange(
  form: { versionId: string; definition: FormDefinition },
  answers: Answers,
  onReplace: (answers: Answers) => void,
): boolean {
  const { versionId, definition } = form;
  const [changed, setChanged] = useState(false);
  const shownVersion = useRef({ versionId, definition });

  const moveToVersion = useEffectEvent(() => {
    const previous = shownVersion.current;
    if (previous.versionId === versionId) return;
    shownVersion.current = { versionId, definition };
    const previousTypes = fieldTypesOf(previous.definition);
    onReplace(carryOverAnswers(definition, answers, previousTypes));
    setChanged(true);
  });
  useEffect(() => moveToVersion(), [versionId]);

  return changed;
}
