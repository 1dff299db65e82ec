"use client";

import { api } from "@intake/backend/api";
import type { Id } from "@intake/backend/dataModel";
import { getIntakeErrorData } from "@intake/backend/errors";
import type { FormDefinition } from "@intake/form-schema";
import { useConvex, useMutation } from "convex/react";
import { useCallback, useEffect, useReducer, useRef, useState } from "react";

import { describeMutationError } from "@/lib/mutation-error";

import {
  needsSave,
  reduceDraftSession,
  saveStatus,
  startSession,
  type DraftSession,
  type SaveStatus,
} from "./draft-session";

/** Milliseconds of quiet typing before the draft is saved. */
export const AUTOSAVE_DELAY_MS = 500;

/** Milliseconds before a failed save is tried again. */
const RETRY_DELAY_MS = 5_000;

/** The draft and revision of `forms:get`. */
export interface ServerDraft {
  draft: FormDefinition;
  draftRevision: number;
}

/** The session state and controls of {@link useDraftSession}. */
export interface DraftSessionControls {
  session: DraftSession;
  status: SaveStatus;
  /** Applies a pure edit to the draft and schedules its save. */
  edit: (update: (draft: FormDefinition) => FormDefinition) => void;
  /** Replaces the local draft by the server's, keeping the old one shown. */
  loadLatest: () => void;
  /** Saves the local draft over the server's after a conflict. */
  keepMine: () => void;
  dismissReplaced: () => void;
}

/**
 * Keeps the builder's draft and saves it with `forms:saveDraft` after
 * {@link AUTOSAVE_DELAY_MS} without edits, naming the revision it builds
 * on. A `draftConflict` stops autosaving until the user loads the latest
 * draft or keeps theirs.
 */
export function useDraftSession(
  formId: Id<"forms">,
  server: ServerDraft,
): DraftSessionControls {
  const saveDraft = useMutation(api.forms.saveDraft);
  const [session, dispatch] = useReducer(
    reduceDraftSession,
    server,
    (initial) => startSession(initial.draft, initial.draftRevision),
  );
  const online = useOnline();
  const serverRef = useRef(server);
  serverRef.current = server;

  useEffect(() => {
    dispatch({
      type: "serverChanged",
      draft: server.draft,
      revision: server.draftRevision,
    });
  }, [server.draft, server.draftRevision]);

  const save = useCallback(
    async (definition: FormDefinition, revision: number) => {
      dispatch({ type: "saveStarted", definition });
      try {
        const result = await saveDraft({ formId, definition, revision });
        dispatch({
          type: "saveSucceeded",
          definition,
          revision: result.revision,
        });
      } catch (error) {
        const data = getIntakeErrorData(error);
        if (data?.kind === "draftConflict") {
          dispatch({
            type: "saveConflicted",
            currentRevision: data.currentRevision,
          });
        } else {
          dispatch({
            type: "saveFailed",
            message: describeMutationError(error, "save the draft"),
          });
        }
      }
    },
    [formId, saveDraft],
  );

  const shouldSave = needsSave(session);
  const delay = session.failure === null ? AUTOSAVE_DELAY_MS : RETRY_DELAY_MS;
  useEffect(() => {
    if (!shouldSave) return;
    const timer = setTimeout(() => {
      void save(session.draft, session.revision);
    }, delay);
    return () => clearTimeout(timer);
  }, [shouldSave, delay, save, session.draft, session.revision]);

  const edit = useCallback(
    (update: (draft: FormDefinition) => FormDefinition) =>
      dispatch({ type: "edited", update }),
    [],
  );
  const loadLatest = useCallback(
    () =>
      dispatch({
        type: "latestLoaded",
        draft: serverRef.current.draft,
        revision: serverRef.current.draftRevision,
      }),
    [],
  );
  const keepMine = useCallback(() => dispatch({ type: "mineKept" }), []);
  const dismissReplaced = useCallback(
    () => dispatch({ type: "replacedDismissed" }),
    [],
  );

  return {
    session,
    status: saveStatus(session, online),
    edit,
    loadLatest,
    keepMine,
    dismissReplaced,
  };
}

/**
 * Tracks whether the browser reports a network and the Convex WebSocket
 * is open. Before the first connection it counts as online, so the page
 * does not flash "Offline" while it connects.
 */
function useOnline(): boolean {
  const convex = useConvex();
  const [browserOnline, setBrowserOnline] = useState(true);
  const [socketOpen, setSocketOpen] = useState(true);

  useEffect(() => {
    const update = () => setBrowserOnline(navigator.onLine);
    update();
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);

  useEffect(() => {
    return convex.subscribeToConnectionState((state) => {
      setSocketOpen(state.isWebSocketConnected || !state.hasEverConnected);
    });
  }, [convex]);

  return browserOnline && socketOpen;
}
