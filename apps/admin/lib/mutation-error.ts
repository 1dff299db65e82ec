import { getIntakeErrorData } from "@intake/backend/errors";

/**
 * Maps a failed mutation to a message for staff, by error `kind`. `action`
 * completes "Could not …", such as "create the clinic".
 */
export function describeMutationError(error: unknown, action: string): string {
  const data = getIntakeErrorData(error);
  switch (data?.kind) {
    case "unauthenticated":
      return "Your session has ended. Sign in again to continue.";
    case "forbidden":
      return `Could not ${action}: your role in this clinic does not allow it.`;
    case "notFound":
      return `Could not ${action}: it no longer exists.`;
    case "invalidArgument":
      return `Could not ${action}: check the ${data.argument} and try again.`;
    case "lastOwner":
      return `Could not ${action}: a clinic needs at least one owner. Make another member an owner first.`;
    case "inviteUnavailable":
      return inviteUnavailableMessage(data.reason);
    case "invalidDefinition":
      return `Could not ${action}: the form has ${countProblems(data.problems.length)} to fix first.`;
    case "draftConflict":
      return `Could not ${action}: someone else saved the draft meanwhile. Check the latest draft and try again.`;
    default:
      return `Could not ${action}. Try again in a moment.`;
  }
}

function countProblems(count: number): string {
  return count === 1 ? "1 problem" : `${count} problems`;
}

/** Explains why an invite link no longer works and what to do next. */
export function inviteUnavailableMessage(
  reason: "expired" | "used" | "revoked",
): string {
  const problem = {
    expired: "This invite link has expired.",
    used: "This invite link was already used.",
    revoked: "This invite link was withdrawn.",
  }[reason];
  return `${problem} Ask an owner of the clinic for a new link.`;
}
