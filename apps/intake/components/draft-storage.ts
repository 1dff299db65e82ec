import { isAnswers, type Answers } from "@intake/form-schema";

import type { FieldTypes } from "./draft-carry-over";
import { isToken } from "./tokens";

/** Answers saved on the patient's device, with the key of their submission. */
export interface Draft {
  answers: Answers;
  /** Reused after a reload, so a retry stores one submission. */
  submissionKey: string;
  /**
   * Types of the version's input fields, so the answers can move to a
   * newer version only into fields of the same type. Older drafts lack it.
   */
  fieldTypes?: FieldTypes;
}

const KEY_PREFIX = "intake:draft:";

/**
 * Age after which a saved draft is deleted unread: 7 days. Health answers
 * should not wait on a phone indefinitely, and a patient who comes back
 * after a week starts over.
 */
export const DRAFT_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Returns the localStorage key of the draft for one form version. The
 * version id is part of the key, so a draft never fills in another version.
 */
export function draftKey(formId: string, versionId: string): string {
  return `${KEY_PREFIX}${formId}:${versionId}`;
}

/**
 * Reads the draft of one form version. Returns null when there is none,
 * when storage is unavailable, or when the stored value is malformed.
 */
export function readDraft(formId: string, versionId: string): Draft | null {
  const storage = safeStorage();
  if (storage === null) return null;
  removeExpiredDrafts(storage);
  const text = storage.getItem(draftKey(formId, versionId));
  if (text === null) return null;
  return parseDraft(text);
}

/**
 * Reads a draft of the form written for a version other than `versionId`,
 * such as the one the patient filled before the clinic published a new
 * version. Returns null when there is none or it is malformed.
 */
export function readOtherVersionDraft(
  formId: string,
  versionId: string,
): Draft | null {
  const storage = safeStorage();
  if (storage === null) return null;
  removeExpiredDrafts(storage);
  const current = draftKey(formId, versionId);
  for (const key of keysWithPrefix(storage, `${KEY_PREFIX}${formId}:`)) {
    if (key === current) continue;
    const draft = parseDraft(storage.getItem(key) ?? "");
    if (draft !== null) return draft;
  }
  return null;
}

/**
 * Saves the draft of one form version and removes the drafts of the form's
 * other versions. Returns false when the browser refuses to store it, as
 * some private browsing modes do.
 */
export function writeDraft(
  formId: string,
  versionId: string,
  draft: Draft,
): boolean {
  const storage = safeStorage();
  if (storage === null) return false;

  removeOtherVersions(storage, formId, versionId);
  try {
    const stored = { ...draft, savedAt: Date.now() };
    storage.setItem(draftKey(formId, versionId), JSON.stringify(stored));
    return true;
  } catch {
    return false;
  }
}

/** Removes the draft of one form version and keeps the other versions'. */
export function removeDraft(formId: string, versionId: string): void {
  safeStorage()?.removeItem(draftKey(formId, versionId));
}

/** Removes the drafts of every version of a form. */
export function removeDrafts(formId: string): void {
  const storage = safeStorage();
  if (storage === null) return;
  for (const key of keysWithPrefix(storage, `${KEY_PREFIX}${formId}:`)) {
    storage.removeItem(key);
  }
}

function parseDraft(text: string): Draft | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;

  const { answers, submissionKey, fieldTypes } = value as Record<
    string,
    unknown
  >;
  // isAnswers is a zod-free copy of answersSchema's shape check, so the
  // patient page does not load zod to read a draft.
  if (!isAnswers(answers)) return null;
  if (typeof submissionKey !== "string" || !isToken(submissionKey)) {
    return null;
  }
  const draft: Draft = { answers, submissionKey };
  if (isFieldTypes(fieldTypes)) draft.fieldTypes = fieldTypes;
  return draft;
}

/**
 * Deletes the drafts of every form saved more than `DRAFT_MAX_AGE_MS` ago.
 * Drafts written before drafts carried `savedAt` are kept.
 */
function removeExpiredDrafts(storage: Storage): void {
  const oldest = Date.now() - DRAFT_MAX_AGE_MS;
  for (const key of keysWithPrefix(storage, KEY_PREFIX)) {
    const savedAt = readSavedAt(storage.getItem(key));
    if (savedAt !== null && savedAt < oldest) storage.removeItem(key);
  }
}

function readSavedAt(text: string | null): number | null {
  try {
    const value: unknown = JSON.parse(text ?? "null");
    if (typeof value !== "object" || value === null) return null;
    const { savedAt } = value as Record<string, unknown>;
    return typeof savedAt === "number" ? savedAt : null;
  } catch {
    return null;
  }
}

function isFieldTypes(value: unknown): value is FieldTypes {
  if (typeof value !== "object" || value === null) return false;
  return Object.values(value).every((type) => typeof type === "string");
}

function removeOtherVersions(
  storage: Storage,
  formId: string,
  versionId: string,
): void {
  const keep = draftKey(formId, versionId);
  for (const key of keysWithPrefix(storage, `${KEY_PREFIX}${formId}:`)) {
    if (key !== keep) storage.removeItem(key);
  }
}

function keysWithPrefix(storage: Storage, prefix: string): string[] {
  const keys: string[] = [];
  for (let index = 0; index < storage.length; index += 1) {
    const key = storage.key(index);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  return keys;
}

/**
 * Returns localStorage, or null outside the browser and where reading the
 * property throws (storage disabled by the browser's settings).
 */
function safeStorage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}
