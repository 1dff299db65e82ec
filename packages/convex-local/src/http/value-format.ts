import type { ConvexJson } from "../engine/types.js";
import { badRequest } from "./errors.js";

/**
 * Output encodings of the HTTP API: `json` is clean JSON (the default) and
 * `convex_encoded_json` is the `convexToJson` form the JS client uses.
 */
export type ValueFormat = "json" | "convex_encoded_json";

/** Reads a `format` field; absent means `json`. Throws 400 otherwise. */
export function parseFormat(value: unknown): ValueFormat {
  if (value === undefined || value === null || value === "json") {
    return "json";
  }
  if (value === "convex_encoded_json") {
    return "convex_encoded_json";
  }
  throw badRequest(
    "BadFormat",
    `Unknown format ${JSON.stringify(value)}: use "json" or "convex_encoded_json"`,
  );
}

function decodeInt64(base64: string): string {
  const bytes = Buffer.from(base64, "base64");
  return bytes.length === 8 ? bytes.readBigInt64LE().toString() : base64;
}

function decodeFloat(base64: string): number | string {
  const bytes = Buffer.from(base64, "base64");
  if (bytes.length !== 8) {
    return base64;
  }
  const value = bytes.readDoubleLE();
  if (Number.isNaN(value)) {
    return "NaN";
  }
  if (value === Infinity) {
    return "Infinity";
  }
  if (value === -Infinity) {
    return "-Infinity";
  }
  return value;
}

/**
 * Converts a `convexToJson` value to Convex's clean JSON export: int64 as a
 * decimal string, NaN and infinities as strings, bytes as a base64 string.
 * As in Convex's own export, distinct values may map to the same JSON.
 */
export function toCleanJson(value: ConvexJson): ConvexJson {
  if (Array.isArray(value)) {
    return value.map(toCleanJson);
  }
  if (value === null || typeof value !== "object") {
    return value;
  }
  const keys = Object.keys(value);
  if (keys.length === 1) {
    const encoded = value[keys[0]!];
    if (keys[0] === "$integer" && typeof encoded === "string") {
      return decodeInt64(encoded);
    }
    if (keys[0] === "$float" && typeof encoded === "string") {
      return decodeFloat(encoded);
    }
    if (keys[0] === "$bytes" && typeof encoded === "string") {
      return encoded;
    }
  }
  const clean: Record<string, ConvexJson> = {};
  for (const key of keys) {
    clean[key] = toCleanJson(value[key]!);
  }
  return clean;
}

/** Encodes a function value in the requested format. */
export function formatValue(
  value: ConvexJson,
  format: ValueFormat,
): ConvexJson {
  return format === "json" ? toCleanJson(value) : value;
}
