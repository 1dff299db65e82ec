import { isIntakeError, type IntakeErrorOf } from "@intake/backend/errors";

import { MESSAGES, type Messages } from "./i18n/messages";

/** Field errors as the backend reports them, keyed by field id. */
export type ServerFieldErrors = IntakeErrorOf<"invalidAnswers">["fieldErrors"];

/**
 * Outcome of a failed submit: field errors, a notice for the whole form,
 * or a notice that a new version of the form was published.
 */
export type SubmitFailure =
  | { kind: "fieldErrors"; fieldErrors: ServerFieldErrors }
  | { kind: "notice"; message: string }
  | { kind: "versionMismatch"; message: string };

/**
 * Maps an error from `submissions:submit` to the field errors or notice
 * shown to the patient. It branches on the error kind and never shows the
 * server's message text.
 */
export function describeSubmitError(
  error: unknown,
  messages: Messages = MESSAGES.en,
): SubmitFailure {
  if (isIntakeError(error, "invalidAnswers")) {
    return { kind: "fieldErrors", fieldErrors: error.data.fieldErrors };
  }
  // The size error names the largest answers unless the answers were not
  // an object, which leaves the notice.
  if (
    isIntakeError(error, "answersTooLarge") &&
    Object.keys(error.data.fieldErrors).length > 0
  ) {
    return { kind: "fieldErrors", fieldErrors: error.data.fieldErrors };
  }
  if (isIntakeError(error, "versionMismatch")) {
    return {
      kind: "versionMismatch",
      message: messages.submitErrors.versionMismatch,
    };
  }
  return { kind: "notice", message: noticeFor(error, messages.submitErrors) };
}

function noticeFor(error: unknown, text: Messages["submitErrors"]): string {
  if (isIntakeError(error, "formNotFound")) return text.formNotFound;
  if (isIntakeError(error, "rateLimited")) {
    const minutes = minutesToWait(error.data.retryAfterMs);
    return error.data.scope === "form"
      ? text.formBusy(minutes)
      : text.rateLimited(minutes);
  }
  if (isIntakeError(error, "answersTooLarge")) return text.answersTooLarge;
  return text.network;
}

/** Rounds a `retryAfterMs` up to whole minutes, at least one. */
export function minutesToWait(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 60_000));
}
