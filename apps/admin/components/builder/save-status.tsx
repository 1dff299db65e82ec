"use client";

import type { SaveStatus } from "./draft-session";

const statusText: Record<SaveStatus, string> = {
  saved: "Saved",
  saving: "Saving…",
  offline: "Offline",
  conflict: "Not saved: someone else changed this draft",
  failed: "Not saved",
};

/** Shows the autosave status politely to screen readers. */
export function SaveStatusText({
  status,
  failure,
}: {
  status: SaveStatus;
  failure: string | null;
}) {
  return (
    <p role="status" data-testid="save-status" className="text-muted">
      {statusText[status]}
      {status === "failed" && failure ? `. ${failure}` : ""}
      {status === "offline"
        ? ". Changes save when the connection is back."
        : ""}
    </p>
  );
}
