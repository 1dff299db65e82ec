import { isIntakeError, type IntakeErrorOf } from "@intake/backend/errors";

/** Field errors as the backend reports them, keyed by field id. */
export type ServerFieldErrors = IntakeErrorOf<"invalidAnswers">["fieldErrors"];

/** Outcome of a failed submit: field errors, or a notice for the whole form. */
export type SubmitFailure =
  | { kind: "fieldErrors"; fieldErrors: ServerFieldErrors }
  | { kind: "notice"; message: string };

/**
 * Maps an error from `submissions:submit` to the field errors or notice
 * shown to the patient. It branches on the error kind and never shows the
 * server's message text.
 */
export function describeSubmitError(error: unknown): SubmitFailure {
  if (isIntakeError(error, "invalidAnswers")) {
    return { kind: "fieldErrors", fieldErrors: error.data.fieldErrors };
  }
  return { kind: "notice", message: noticeFor(error) };
}

function noticeFor(error: unknown): string {
  if (isIntakeError(error, "versionMismatch")) {
    return "The clinic updated this form while you were filling it in. Check your answers, then submit again.";
  }
  if (isIntakeError(error, "formNotFound")) {
    return "This form is no longer accepting answers. Please ask the front desk for help.";
  }
  if (isIntakeError(error, "rateLimited")) {
    const minutes = Math.max(1, Math.ceil(error.data.retryAfterMs / 60_000));
    const wait = minutes === 1 ? "a minute" : `${minutes} minutes`;
    return `Too many forms were sent from this device. Wait ${wait}, then submit again.`;
  }
  if (isIntakeError(error, "answersTooLarge")) {
    return "Your answers are too long to send. Shorten your longest answers, then submit again.";
  }
  return "Your answers could not be sent. Check your internet connection, then submit again.";
}
