import { convexToJson, jsonToConvex, type Value } from "convex/values";
import { isCommitTsPlaceholder } from "./commit-ts";

/** A validator in the JSON form `exportArgs()` and schemas produce. */
export type ValidatorJson =
  | {
      type:
        | "null"
        | "number"
        | "bigint"
        | "commitTs"
        | "boolean"
        | "string"
        | "bytes"
        | "any";
    }
  | { type: "literal"; value: unknown }
  | { type: "id"; tableName: string }
  | { type: "array"; value: ValidatorJson }
  | { type: "record"; keys: ValidatorJson; values: FieldJson }
  | { type: "object"; value: Record<string, FieldJson> }
  | { type: "union"; value: ValidatorJson[] };

type FieldJson = { fieldType: ValidatorJson; optional: boolean };

/** Tells which table an ID belongs to in the validating namespace. */
export type IdTableLookup = (
  id: string,
) => { tableName: string; isSystem: boolean } | null;

/** Renders a value for error messages, as Convex prints it. */
export function formatValue(value: Value | undefined): string {
  if (value === undefined) return "undefined";
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "string") return JSON.stringify(value);
  if (value instanceof ArrayBuffer) return `ArrayBuffer(${value.byteLength})`;
  if (Array.isArray(value)) return `[${value.map(formatValue).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const fields = Object.entries(value).map(
      ([key, item]) => `${key}: ${formatValue(item)}`,
    );
    return `{${fields.join(", ")}}`;
  }
  return JSON.stringify(convexToJson(value));
}

/** Renders a validator in the `v.*` builder syntax. */
export function formatValidator(validator: ValidatorJson): string {
  switch (validator.type) {
    case "null":
      return "v.null()";
    case "number":
      return "v.float64()";
    case "bigint":
      return "v.int64()";
    case "commitTs":
      return "v.commitTs()";
    case "boolean":
      return "v.boolean()";
    case "string":
      return "v.string()";
    case "bytes":
      return "v.bytes()";
    case "any":
      return "v.any()";
    case "literal":
      return `v.literal(${formatValue(jsonToConvex(validator.value as never))})`;
    case "id":
      return `v.id(${JSON.stringify(validator.tableName)})`;
    case "array":
      return `v.array(${formatValidator(validator.value)})`;
    case "record":
      return `v.record(${formatValidator(validator.keys)}, ${formatField(validator.values)})`;
    case "object": {
      const fields = Object.entries(validator.value).map(
        ([key, field]) => `${key}: ${formatField(field)}`,
      );
      return `v.object({${fields.join(", ")}})`;
    }
    case "union":
      return `v.union(${validator.value.map(formatValidator).join(", ")})`;
  }
}

function formatField(field: FieldJson): string {
  const inner = formatValidator(field.fieldType);
  return field.optional ? `v.optional(${inner})` : inner;
}

/**
 * Counts nested union member checks. Their messages are discarded, so
 * they get a placeholder instead of formatting the value, which is costly
 * for large documents.
 */
let unionDepth = 0;
const DISCARDED = "mismatch";

function message(build: () => string): string {
  return unionDepth > 0 ? DISCARDED : build();
}

function mismatch(
  path: string,
  value: Value | undefined,
  validator: ValidatorJson,
): string {
  if (unionDepth > 0) return DISCARDED;
  const pathLine = path === "" ? "" : `Path: ${path}\n`;
  return `Value does not match validator.\n${pathLine}Value: ${formatValue(value)}\nValidator: ${formatValidator(validator)}`;
}

function isPlainObject(value: unknown): value is Record<string, Value> {
  return (
    value !== null &&
    typeof value === "object" &&
    !Array.isArray(value) &&
    !(value instanceof ArrayBuffer)
  );
}

function sameValue(a: Value | undefined, b: Value | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return (
    JSON.stringify(convexToJson(a)) === JSON.stringify(convexToJson(b)) &&
    typeof a === typeof b
  );
}

/**
 * Checks a value against a validator. Returns null when it matches, or
 * the error text Convex reports (without its `ArgumentValidationError:`
 * style prefix, which depends on what is validated).
 */
export function validateValue(
  validator: ValidatorJson,
  value: Value | undefined,
  lookupId: IdTableLookup,
  path = "",
): string | null {
  switch (validator.type) {
    case "any":
      return value === undefined ? mismatch(path, value, validator) : null;
    case "null":
      return value === null ? null : mismatch(path, value, validator);
    case "number":
      return typeof value === "number"
        ? null
        : mismatch(path, value, validator);
    case "bigint":
    case "commitTs":
      // Before the commit, `db.vars.commitTs` validates as an int64.
      return typeof value === "bigint" || isCommitTsPlaceholder(value)
        ? null
        : mismatch(path, value, validator);
    case "boolean":
      return typeof value === "boolean"
        ? null
        : mismatch(path, value, validator);
    case "string":
      return typeof value === "string"
        ? null
        : mismatch(path, value, validator);
    case "bytes":
      return value instanceof ArrayBuffer
        ? null
        : mismatch(path, value, validator);
    case "literal": {
      const expected = jsonToConvex(validator.value as never);
      return sameValue(value, expected)
        ? null
        : mismatch(path, value, validator);
    }
    case "id": {
      if (typeof value !== "string") return mismatch(path, value, validator);
      const found = lookupId(value);
      if (!found) return mismatch(path, value, validator);
      if (found.tableName !== validator.tableName) {
        const pathLine = path === "" ? "" : `\nPath: ${path}`;
        const source = found.isSystem
          ? "a system table"
          : `table \`${found.tableName}\``;
        return `Found ID "${value}" from ${source}, which does not match the table name in validator \`v.id("${validator.tableName}")\`.${pathLine}`;
      }
      return null;
    }
    case "array": {
      if (!Array.isArray(value)) return mismatch(path, value, validator);
      for (let i = 0; i < value.length; i++) {
        const error = validateValue(
          validator.value,
          value[i],
          lookupId,
          `${path}[${i}]`,
        );
        if (error) return error;
      }
      return null;
    }
    case "record": {
      if (!isPlainObject(value)) return mismatch(path, value, validator);
      for (const [key, item] of Object.entries(value)) {
        const keyError = validateValue(validator.keys, key, lookupId, path);
        if (keyError) return keyError;
        const error = validateValue(
          validator.values.fieldType,
          item,
          lookupId,
          `${path}.${key}`,
        );
        if (error) return error;
      }
      return null;
    }
    case "object": {
      if (!isPlainObject(value)) return mismatch(path, value, validator);
      for (const [key, field] of Object.entries(validator.value)) {
        const item = value[key];
        if (item === undefined) {
          if (field.optional) continue;
          return message(
            () =>
              `Object is missing the required field \`${key}\`. Consider wrapping the field validator in \`v.optional(...)\` if this is expected.\n\nObject: ${formatValue(value)}\nValidator: ${formatValidator(validator)}`,
          );
        }
        const error = validateValue(
          field.fieldType,
          item,
          lookupId,
          `${path}.${key}`,
        );
        if (error) return error;
      }
      for (const key of Object.keys(value)) {
        if (!(key in validator.value) && value[key] !== undefined) {
          return message(
            () =>
              `Object contains extra field \`${key}\` that is not in the validator.\n\nObject: ${formatValue(value)}\nValidator: ${formatValidator(validator)}`,
          );
        }
      }
      return null;
    }
    case "union": {
      for (const member of validator.value) {
        unionDepth += 1;
        let problem: string | null;
        try {
          problem = validateValue(member, value, lookupId, path);
        } finally {
          unionDepth -= 1;
        }
        if (problem === null) return null;
      }
      return mismatch(path, value, validator);
    }
  }
}
