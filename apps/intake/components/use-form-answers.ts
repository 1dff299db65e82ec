"use client";

import {
  validateAnswers,
  type Answers,
  type AnswerValue,
  type Field,
  type FieldErrors,
  type FormDefinition,
} from "@intake/form-schema";
import { useState } from "react";

import { answersToSubmit, errorKeysOf } from "./submit-answers";

/**
 * Error shown under a field: the validator's code, which picks the
 * translated text, and its English message.
 */
export interface ShownError {
  code?: string;
  message: string;
}

/**
 * Errors shown under the fields, keyed like the validator's errors: by
 * field id, or by `<group>.<index>.<field>` inside a repeating group.
 */
export type ErrorMessages = Record<string, ShownError>;

/**
 * Holds the patient's answers and the errors shown under the fields. It
 * validates with `validateAnswers` on the whole form, so conditional
 * logic applies: a hidden field never shows an error, and `requireIf`
 * makes a field required as soon as its condition holds. Answers never go
 * into the address. `useDraft` copies them to the device's localStorage.
 */
export function useFormAnswers(
  definition: FormDefinition,
  initialAnswers: () => Answers = () => ({}),
) {
  const [answers, setAnswers] = useState<Answers>(initialAnswers);
  const [errors, setErrors] = useState<ErrorMessages>({});

  /** Returns the current errors of `fields`, keyed like {@link ErrorMessages}. */
  function errorsOf(fields: readonly Field[], from: Answers): FieldErrors {
    const all = validateAnswers(definition, answersToSubmit(definition, from));
    const found: FieldErrors = {};
    for (const key of Object.keys(all)) {
      if (fields.some((field) => errorKeysOf(field, key)))
        found[key] = all[key]!;
    }
    return found;
  }

  /** Replaces the shown errors of `fields` with `found`. */
  function showFieldErrors(
    previous: ErrorMessages,
    fields: readonly Field[],
    found: FieldErrors,
  ): ErrorMessages {
    const next: ErrorMessages = {};
    for (const [key, error] of Object.entries(previous)) {
      if (!fields.some((field) => errorKeysOf(field, key))) next[key] = error;
    }
    for (const [key, error] of Object.entries(found)) {
      next[key] = { code: error.code, message: error.message };
    }
    return sameErrors(previous, next) ? previous : next;
  }

  function change(field: Field, value: AnswerValue | undefined) {
    const next = withAnswer(answers, field.id, value);
    setAnswers(next);

    // A field that shows an error is rechecked on every change, so the
    // error clears as soon as the answer is fixed.
    const showing = Object.keys(errors).some((key) => errorKeysOf(field, key));
    if (showing) {
      setErrors((previous) =>
        showFieldErrors(previous, [field], errorsOf([field], next)),
      );
    }
  }

  function blur(field: Field) {
    const showing = Object.keys(errors).some((key) => errorKeysOf(field, key));

    // Tabbing past an untouched field does not flag it as required. The
    // Next button reports it instead.
    if (answers[field.id] === undefined && !showing) return;

    setErrors((previous) =>
      showFieldErrors(previous, [field], errorsOf([field], answers)),
    );
  }

  /** Validates `fields`, shows their errors and returns them. */
  function validate(fields: readonly Field[]): FieldErrors {
    const found = errorsOf(fields, answers);
    setErrors((previous) => showFieldErrors(previous, fields, found));
    return found;
  }

  /** Shows errors found elsewhere, such as the server's. */
  function showErrors(fieldErrors: Record<string, ShownError>) {
    setErrors((previous) => {
      const next = { ...previous };
      for (const [key, error] of Object.entries(fieldErrors)) {
        next[key] = { code: error.code, message: error.message };
      }
      return next;
    });
  }

  /**
   * Fills in answers from a saved draft. Answers already present, such as
   * those typed before hydration, win over the draft's.
   */
  function restore(draft: Answers) {
    setAnswers((previous) => ({ ...draft, ...previous }));
  }

  /** Replaces every answer and hides the errors shown. */
  function replace(next: Answers) {
    setAnswers(next);
    setErrors({});
  }

  function clear() {
    replace({});
  }

  return {
    answers,
    errors,
    change,
    blur,
    validate,
    showErrors,
    restore,
    replace,
    clear,
  };
}

/** Answers and errors of one visit, as {@link useFormAnswers} returns them. */
export type FormAnswers = ReturnType<typeof useFormAnswers>;

function withAnswer(
  answers: Answers,
  key: string,
  value: AnswerValue | undefined,
): Answers {
  if (value === undefined) {
    if (!(key in answers)) return answers;
    const { [key]: _removed, ...rest } = answers;
    return rest;
  }
  return { ...answers, [key]: value };
}

function sameErrors(a: ErrorMessages, b: ErrorMessages): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every(
    (key) =>
      a[key]?.code === b[key]?.code && a[key]?.message === b[key]?.message,
  );
}
