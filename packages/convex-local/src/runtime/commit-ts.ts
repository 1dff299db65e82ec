import { CommitTsPlaceholder, type Value } from "convex/values";

/**
 * The value an unresolved commit timestamp takes in index keys and in
 * validation before the commit (i64::MAX, MAX_COMMIT_TS in the Convex
 * backend's crates/value/src/pending.rs), so it sorts after every real
 * commit timestamp.
 */
export const MAX_COMMIT_TS = 2n ** 63n - 1n;

/** Tells whether a value is `db.vars.commitTs`, decoded from `$commitTs`. */
export function isCommitTsPlaceholder(value: unknown): boolean {
  return value instanceof CommitTsPlaceholder;
}

/** Tells whether a document contains `db.vars.commitTs` at any depth. */
export function containsCommitTs(value: Value | undefined): boolean {
  if (isCommitTsPlaceholder(value)) return true;
  if (value === null || typeof value !== "object") return false;
  if (value instanceof ArrayBuffer) return false;
  const children = Array.isArray(value) ? value : Object.values(value);
  return children.some(containsCommitTs);
}

/**
 * Returns a copy of `value` with every commit timestamp set to `ts`.
 *
 * NOTE: only written documents are resolved. A mutation's return value that
 * contains `db.vars.commitTs` still carries `{$commitTs: null}`, and queries
 * accept the token in index ranges, where Convex rejects it.
 */
export function resolveCommitTs<T extends Value>(value: T, ts: bigint): T {
  if (isCommitTsPlaceholder(value)) return ts as T;
  if (value === null || typeof value !== "object") return value;
  if (value instanceof ArrayBuffer) return value;
  if (Array.isArray(value)) {
    return value.map((item) => resolveCommitTs(item, ts)) as T;
  }
  const resolved: Record<string, Value> = {};
  for (const [key, field] of Object.entries(value)) {
    resolved[key] = resolveCommitTs(field, ts);
  }
  return resolved as T;
}
