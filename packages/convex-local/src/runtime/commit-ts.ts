import { CommitTsPlaceholder, convexToJson, type Value } from "convex/values";
import type { ConvexJson } from "../engine/types";

/**
 * The value an unresolved commit timestamp takes in index keys and in
 * validation before the commit (i64::MAX, MAX_COMMIT_TS in the Convex
 * backend's crates/value/src/pending.rs), so it sorts after every real
 * commit timestamp.
 */
export const MAX_COMMIT_TS = 2n ** 63n - 1n;

/**
 * The error of `jsonToConvex` for a field name that starts with `$`, given
 * for a `{"$commitTs": null}` token where no transaction can resolve it.
 */
export const RESERVED_COMMIT_TS_FIELD =
  "Field name $commitTs starts with a '$', which is reserved.";

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
 * NOTE: `.filter` expressions accept the token and compare it as the
 * maximum int64. Convex rejects it there, because it parses filter literals
 * as plain values, whose field names may not start with `$`. Index ranges
 * accept it on both (`range_value` in crates/common/src/json/query.rs).
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

/**
 * Returns a copy of a value in `convexToJson` form with every
 * `{$commitTs: null}` token replaced by `ts` as an int64, or the value itself
 * when it has none. Convex resolves a mutation's return value this way once
 * the commit timestamp is known.
 */
export function resolveCommitTsJson(json: ConvexJson, ts: bigint): ConvexJson {
  if (json === null || typeof json !== "object") return json;
  if (Array.isArray(json)) {
    const items = json.map((item) => resolveCommitTsJson(item, ts));
    return items.some((item, i) => item !== json[i]) ? items : json;
  }
  const keys = Object.keys(json);
  if (keys.length === 1 && keys[0] === "$commitTs") {
    return convexToJson(ts) as ConvexJson;
  }
  let changed = false;
  const resolved: Record<string, ConvexJson> = {};
  for (const key of keys) {
    const field = json[key]!;
    resolved[key] = resolveCommitTsJson(field, ts);
    if (resolved[key] !== field) changed = true;
  }
  return changed ? resolved : json;
}
