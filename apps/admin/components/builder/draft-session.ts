import type { FormDefinition } from "@intake/form-schema";

/**
 * The builder's copy of a draft and its autosave progress. `revision` is
 * the server's draft revision that `draft` builds on, which the next
 * `forms:saveDraft` sends so a save over someone else's is rejected.
 */
export interface DraftSession {
  draft: FormDefinition;
  revision: number;
  /** Whether `draft` has edits that no finished save contains. */
  dirty: boolean;
  /** The definition of the save in progress, or null. */
  saving: FormDefinition | null;
  /** Set when the server rejected a save because someone else saved. */
  conflict: { currentRevision: number } | null;
  /**
   * The staff member's own draft from before they loaded the latest one,
   * kept on screen until dismissed so their unsaved change is not lost.
   */
  replaced: FormDefinition | null;
  /** Message of the last failed save, cleared by the next success. */
  failure: string | null;
}

/** Events that change a {@link DraftSession}. */
export type DraftEvent =
  | { type: "edited"; update: (draft: FormDefinition) => FormDefinition }
  | { type: "saveStarted"; definition: FormDefinition }
  | { type: "saveSucceeded"; definition: FormDefinition; revision: number }
  | { type: "saveConflicted"; currentRevision: number }
  | { type: "saveFailed"; message: string }
  | { type: "serverChanged"; draft: FormDefinition; revision: number }
  | { type: "latestLoaded"; draft: FormDefinition; revision: number }
  | { type: "mineKept" }
  | { type: "replacedDismissed" };

/** Starts a session from the draft the server returned. */
export function startSession(
  draft: FormDefinition,
  revision: number,
): DraftSession {
  return {
    draft,
    revision,
    dirty: false,
    saving: null,
    conflict: null,
    replaced: null,
    failure: null,
  };
}

/** Applies one event to the session. */
export function reduceDraftSession(
  session: DraftSession,
  event: DraftEvent,
): DraftSession {
  switch (event.type) {
    case "edited": {
      const draft = event.update(session.draft);
      if (draft === session.draft) return session;
      return { ...session, draft, dirty: true };
    }
    case "saveStarted":
      return { ...session, saving: event.definition };
    case "saveSucceeded":
      return {
        ...session,
        revision: event.revision,
        saving: null,
        failure: null,
        // Edits made while the save was in flight still need a save.
        dirty: session.draft !== event.definition,
      };
    case "saveConflicted":
      return {
        ...session,
        saving: null,
        conflict: { currentRevision: event.currentRevision },
      };
    case "saveFailed":
      return { ...session, saving: null, failure: event.message };
    case "serverChanged":
      return adoptServerDraft(session, event.draft, event.revision);
    case "latestLoaded":
      return {
        ...startSession(event.draft, event.revision),
        replaced: session.dirty ? session.draft : session.replaced,
      };
    case "mineKept":
      if (session.conflict === null) return session;
      return {
        ...session,
        revision: session.conflict.currentRevision,
        conflict: null,
        dirty: true,
      };
    case "replacedDismissed":
      return { ...session, replaced: null };
  }
}

/**
 * Takes a newer server draft, saved by someone else, while this builder
 * has nothing unsaved. With unsaved edits the local draft stays, and its
 * next save meets the conflict.
 */
function adoptServerDraft(
  session: DraftSession,
  draft: FormDefinition,
  revision: number,
): DraftSession {
  const isNewer = revision > session.revision;
  const isIdle =
    !session.dirty && session.saving === null && session.conflict === null;
  if (!isNewer || !isIdle) return session;
  return { ...session, draft, revision };
}

/** Whether the session should start a save now. */
export function needsSave(session: DraftSession): boolean {
  return session.dirty && session.saving === null && session.conflict === null;
}

/** The state that the save status line shows. */
export type SaveStatus = "saved" | "saving" | "offline" | "conflict" | "failed";

/** Derives the save status from the session and the connection. */
export function saveStatus(session: DraftSession, online: boolean): SaveStatus {
  if (session.conflict !== null) return "conflict";
  if (!online) return "offline";
  if (session.saving !== null) return "saving";
  if (session.failure !== null) return "failed";
  if (session.dirty) return "saving";
  return "saved";
}
