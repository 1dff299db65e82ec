import { answersSchema, type Answers } from "@intake/form-schema";

import { isToken } from "./tokens";

/** Answers saved on the patient's device, with the key of their submission. */
export interface Draft {
  answers: Answers;
  /** Reused after a reload, so a retry stores one submission. */
  submissionKey: string;
}

const KEY_PREFIX = "intake:draft:";

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
  const text = safeStorage()?.getItem(draftKey(formId, versionId));
  if (text === null || text === undefined) return null;
  return parseDraft(text);
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
    storage.setItem(draftKey(formId, versionId), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
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

  const { answers, submissionKey } = value as Record<string, unknown>;
  const parsed = answersSchema.safeParse(answers);
  if (!parsed.success) return null;
  if (typeof submissionKey !== "string" || !isToken(submissionKey)) {
    return null;
  }
  return { answers: parsed.data, submissionKey };
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
