"use client";

import {
  isAnswerEmpty,
  isInputField,
  validateField,
  type Answers,
  type AnswerValue,
  type Field,
  type FieldErrors,
  type FormDefinition,
} from "@intake/form-schema";
import { useState } from "react";

/**
 * Error shown under a field: the validator's code, which picks the
 * translated text, and its English message.
 */
export interface ShownError {
  code?: string;
  message: string;
}

/** Errors shown under the fields, keyed by field id. */
export type ErrorMessages = Record<string, ShownError>;

/**
 * Holds the patient's answers and the error shown under each field, and
 * validates with `validateField` as the patient goes. Answers never go into
 * the address. `useDraft` copies them to the device's localStorage.
 */
export function useFormAnswers(initialAnswers: () => Answers = () => ({})) {
  const [answers, setAnswers] = useState<Answers>(initialAnswers);
  const [errors, setErrors] = useState<ErrorMessages>({});

  function change(field: Field, value: AnswerValue | undefined) {
    setAnswers((previous) => withEntry(previous, field.id, value));

    // A field that shows an error is rechecked on every change, so the
    // error clears as soon as the answer is fixed.
    setErrors((previous) =>
      field.id in previous
        ? withEntry(previous, field.id, shown(validateField(field, value)))
        : previous,
    );
  }

  function blur(field: Field) {
    const value = answers[field.id];

    // Tabbing past an untouched field does not flag it as required. The
    // Next button reports it instead.
    if (value === undefined && !(field.id in errors)) return;

    setErrors((previous) =>
      withEntry(previous, field.id, shown(validateField(field, value))),
    );
  }

  /** Validates `fields`, shows their errors and returns them. */
  function validate(fields: readonly Field[]): FieldErrors {
    const found: FieldErrors = {};
    for (const field of fields) {
      const error = validateField(field, answers[field.id]);
      if (error !== null) found[field.id] = error;
    }

    setErrors((previous) => {
      let next = previous;
      for (const field of fields) {
        next = withEntry(next, field.id, shown(found[field.id]));
      }
      return next;
    });
    return found;
  }

  /** Shows errors found elsewhere, such as the server's. */
  function showErrors(fieldErrors: Record<string, ShownError>) {
    setErrors((previous) => {
      let next = previous;
      for (const [id, error] of Object.entries(fieldErrors)) {
        next = withEntry(next, id, shown(error));
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

  function clear() {
    setAnswers({});
    setErrors({});
  }

  return {
    answers,
    errors,
    change,
    blur,
    validate,
    showErrors,
    restore,
    clear,
  };
}

/** Answers and errors of one visit, as {@link useFormAnswers} returns them. */
export type FormAnswers = ReturnType<typeof useFormAnswers>;

/**
 * Returns the answers to send: one per input field of `definition`, with
 * empty answers left out. Answers to fields that a republished version
 * dropped are left out too, because the backend rejects unknown fields.
 */
export function answersToSubmit(
  definition: FormDefinition,
  answers: Answers,
): Answers {
  const result: Answers = {};
  for (const page of definition.pages) {
    for (const field of page.fields) {
      const value = answers[field.id];
      if (isInputField(field) && value !== undefined && !isAnswerEmpty(value)) {
        result[field.id] = value;
      }
    }
  }
  return result;
}

function shown(
  error: { code?: string; message: string } | null | undefined,
): ShownError | undefined {
  if (!error) return undefined;
  return { code: error.code, message: error.message };
}

function sameEntry<T>(a: T | undefined, b: T): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object") return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

function withEntry<T>(
  record: Record<string, T>,
  key: string,
  value: T | undefined,
): Record<string, T> {
  if (value === undefined) {
    if (!(key in record)) return record;
    const { [key]: _removed, ...rest } = record;
    return rest;
  }
  if (sameEntry(record[key], value)) return record;
  return { ...record, [key]: value };
}
