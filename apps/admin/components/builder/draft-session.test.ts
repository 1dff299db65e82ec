import type { FormDefinition } from "@intake/form-schema";
import { describe, expect, test } from "vitest";

import {
  needsSave,
  reduceDraftSession,
  saveStatus,
  startSession,
  type DraftEvent,
  type DraftSession,
} from "./draft-session";

function definition(title: string): FormDefinition {
  return { title, pages: [{ id: "p1", title: "", fields: [] }] };
}

function run(session: DraftSession, ...events: DraftEvent[]): DraftSession {
  return events.reduce(reduceDraftSession, session);
}

const server = definition("Server");

describe("reduceDraftSession", () => {
  test("edit marks the draft dirty", () => {
    const edited = definition("Edited");
    const session = run(startSession(server, 3), {
      type: "edited",
      update: () => edited,
    });
    expect(session.draft).toBe(edited);
    expect(session.dirty).toBe(true);
    expect(needsSave(session)).toBe(true);
  });

  test("save success takes the new revision", () => {
    const edited = definition("Edited");
    const session = run(
      startSession(server, 3),
      { type: "edited", update: () => edited },
      { type: "saveStarted", definition: edited },
      { type: "saveSucceeded", definition: edited, revision: 4 },
    );
    expect(session.revision).toBe(4);
    expect(session.dirty).toBe(false);
    expect(needsSave(session)).toBe(false);
  });

  test("edit during a save stays dirty", () => {
    const first = definition("First");
    const second = definition("Second");
    const session = run(
      startSession(server, 3),
      { type: "edited", update: () => first },
      { type: "saveStarted", definition: first },
      { type: "edited", update: () => second },
      { type: "saveSucceeded", definition: first, revision: 4 },
    );
    expect(session.draft).toBe(second);
    expect(session.dirty).toBe(true);
    expect(needsSave(session)).toBe(true);
  });

  test("conflict stops autosave", () => {
    const edited = definition("Edited");
    const session = run(
      startSession(server, 3),
      { type: "edited", update: () => edited },
      { type: "saveStarted", definition: edited },
      { type: "saveConflicted", currentRevision: 5 },
    );
    expect(session.conflict).toEqual({ currentRevision: 5 });
    expect(session.draft).toBe(edited);
    expect(needsSave(session)).toBe(false);
  });

  test("loading the latest keeps the replaced draft", () => {
    const mine = definition("Mine");
    const theirs = definition("Theirs");
    const session = run(
      startSession(server, 3),
      { type: "edited", update: () => mine },
      { type: "saveConflicted", currentRevision: 5 },
      { type: "latestLoaded", draft: theirs, revision: 5 },
    );
    expect(session.draft).toBe(theirs);
    expect(session.revision).toBe(5);
    expect(session.conflict).toBeNull();
    expect(session.replaced).toBe(mine);
    expect(run(session, { type: "replacedDismissed" }).replaced).toBeNull();
  });

  test("keeping mine saves over the latest", () => {
    const mine = definition("Mine");
    const session = run(
      startSession(server, 3),
      { type: "edited", update: () => mine },
      { type: "saveConflicted", currentRevision: 5 },
      { type: "mineKept" },
    );
    expect(session.revision).toBe(5);
    expect(session.draft).toBe(mine);
    expect(needsSave(session)).toBe(true);
  });

  test("adopts a newer server draft when idle", () => {
    const theirs = definition("Theirs");
    const session = run(startSession(server, 3), {
      type: "serverChanged",
      draft: theirs,
      revision: 4,
    });
    expect(session.draft).toBe(theirs);
    expect(session.revision).toBe(4);
  });

  test.each([
    { case: "same revision", revision: 3, edits: false },
    { case: "unsaved edits", revision: 4, edits: true },
  ])("keeps its draft on $case", ({ revision, edits }) => {
    const mine = definition("Mine");
    const start = edits
      ? run(startSession(server, 3), { type: "edited", update: () => mine })
      : startSession(server, 3);
    const session = run(start, {
      type: "serverChanged",
      draft: definition("Theirs"),
      revision,
    });
    expect(session.draft).toBe(start.draft);
    expect(session.revision).toBe(3);
  });
});

describe("saveStatus", () => {
  const idle = startSession(server, 1);
  const dirty = run(idle, { type: "edited", update: () => definition("E") });

  test.each([
    { case: "idle", session: idle, online: true, status: "saved" },
    { case: "dirty", session: dirty, online: true, status: "saving" },
    { case: "offline", session: dirty, online: false, status: "offline" },
    {
      case: "failed",
      session: run(dirty, { type: "saveFailed", message: "x" }),
      online: true,
      status: "failed",
    },
    {
      case: "conflict",
      session: run(dirty, { type: "saveConflicted", currentRevision: 2 }),
      online: false,
      status: "conflict",
    },
  ])("$case is $status", ({ session, online, status }) => {
    expect(saveStatus(session, online)).toBe(status);
  });
});
