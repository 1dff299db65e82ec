import type { Value } from "convex/values";

/**
 * Largest function arguments and return values, in bytes of
 * `convexValueSize`: FUNCTION_MAX_ARGS_SIZE and FUNCTION_MAX_RESULT_SIZE in
 * the Convex backend's crates/common/src/knobs.rs.
 */
export const MAX_FUNCTION_VALUE_BYTES = 16 * 1024 * 1024;

/** Deepest nesting of a value (MAX_NESTING in crates/value/src/size.rs). */
export const MAX_VALUE_NESTING = 64;

/**
 * Returns the size of a value as Convex measures it (crates/value): one
 * byte per type tag and delimiter, 8 per number, and the UTF-8 length of
 * strings and field names.
 */
export function convexValueSize(value: Value | undefined): number {
  if (value === null || value === undefined || typeof value === "boolean") {
    return 1;
  }
  if (typeof value === "number" || typeof value === "bigint") return 9;
  if (typeof value === "string") return Buffer.byteLength(value, "utf8") + 2;
  if (value instanceof ArrayBuffer) return value.byteLength + 2;
  let size = 2;
  if (Array.isArray(value)) {
    for (const item of value) size += convexValueSize(item);
    return size;
  }
  for (const [key, field] of Object.entries(value)) {
    size += Buffer.byteLength(key, "utf8") + 1 + convexValueSize(field);
  }
  return size;
}

/**
 * Returns how deeply arrays and objects nest in a value: 0 for a scalar,
 * 1 for an array of scalars, and so on.
 */
export function convexValueNesting(value: Value | undefined): number {
  if (value === null || typeof value !== "object") return 0;
  if (value instanceof ArrayBuffer) return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  let deepest = 0;
  for (const child of children) {
    deepest = Math.max(deepest, convexValueNesting(child));
  }
  return deepest + 1;
}

/** Field names of the scalars that `convexToJson` encodes as objects. */
const ENCODED_SCALAR_KEYS = new Set(["$integer", "$float", "$bytes"]);

/**
 * Returns whether the value that `json` (in `convexToJson` form) encodes
 * nests arrays and objects deeper than `limit`. It descends at most
 * `limit` + 1 levels, so it also measures JSON too deep for the recursive
 * `jsonToConvex`.
 */
export function jsonNestingExceeds(json: unknown, limit: number): boolean {
  if (json === null || typeof json !== "object") return false;
  const keys = Object.keys(json);
  if (keys.length === 1 && ENCODED_SCALAR_KEYS.has(keys[0]!)) return false;
  if (limit <= 0) return true;
  const children: unknown[] = Array.isArray(json) ? json : Object.values(json);
  return children.some((child) => jsonNestingExceeds(child, limit - 1));
}

/**
 * Formats a byte count as Convex's error texts do (the `humansize` crate
 * with binary units): `1 MiB`, `1.05 MiB`, `512 B`.
 */
export function formatBinarySize(bytes: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${bytes} B`;
  const text = value.toFixed(2).replace(/\.?0+$/, "");
  return `${text} ${units[unit]}`;
}
