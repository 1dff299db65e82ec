import { getIntakeErrorData } from "@intake/backend/errors";

/**
 * Maps a failed query to a message for staff. Server text is never shown,
 * because it can name internal ids. Errors without an Intake `kind`, such as
 * a malformed id in the address failing argument validation, get the
 * generic message.
 */
export function describeLoadError(error: unknown, subject: string): string {
  switch (getIntakeErrorData(error)?.kind) {
    case "unauthenticated":
      return "Your session has ended. Sign in again to continue.";
    case "forbidden":
    case "notFound":
    case "formNotFound":
      return `This ${subject} was not found, or your account has no access to it.`;
    default:
      return `Could not load this ${subject}. Check the address, or reload the page to try again.`;
  }
}
