import { badRequest } from "../http/errors";
import type { EnvChange } from "../storage/env-store";

/**
 * Convex's rules for deployment environment variables, with its error codes
 * and texts: crates/common/src/types/environment_variables.rs for names and
 * values, the default knobs `ENV_VAR_LIMIT` and `ENV_VAR_TOTAL_SIZE_LIMIT`
 * for the whole set. Convex's documentation gives 40 characters at most and
 * a letter first. The backend and the dashboard accept 256 characters and a
 * leading underscore, so this follows them.
 */
const NAME_PATTERN = /^[a-zA-Z_]+[a-zA-Z0-9_]*$/;
const MAX_NAME_LENGTH = 256;
const MAX_VALUE_BYTES = 8 * 1024;
const MAX_VARIABLES = 512;
const MAX_TOTAL_BYTES = 512 * 1024;

/** Variables that every function gets from the deployment itself. */
const BUILT_IN_NAMES = new Set(["CONVEX_CLOUD_URL", "CONVEX_SITE_URL"]);

/** Throws Convex's error for a name it would not parse. */
function checkEnvName(name: string): void {
  if (!NAME_PATTERN.test(name)) {
    throw badRequest(
      "EnvironmentVariableNameInvalid",
      `The environment variable name ${name} is invalid. Environment variable names must begin with a letter and may only include characters a-z, A-Z, 0-9, and underscores.`,
    );
  }
  if (name.length > MAX_NAME_LENGTH) {
    throw badRequest(
      "EnvironmentVariableNameTooLong",
      `The environment variable name ${name} is too long. Environment variable names must be less than ${MAX_NAME_LENGTH}.`,
    );
  }
}

/** Throws Convex's error for a value over 8 KiB of UTF-8. */
function checkEnvValue(value: string): void {
  const bytes = Buffer.byteLength(value);
  if (bytes > MAX_VALUE_BYTES) {
    // Convex's text has no closing parenthesis.
    throw badRequest(
      "EnvironmentVariableValueTooLarge",
      `The environment variable value is ${bytes} bytes, which is too large. (max size: ${MAX_VALUE_BYTES}`,
    );
  }
}

/**
 * Returns `changes` in the order Convex applies them: every removal before
 * every setting, removals by name and settings by name, then value. Convex
 * sorts them so (`EnvVarChange` derives `Ord` in the Convex backend's
 * crates/application/src/lib.rs), so a batch that sets and removes one
 * name keeps it, whatever the order in the request.
 */
function sortEnvChanges(changes: EnvChange[]): EnvChange[] {
  // Rust orders strings by their UTF-8 bytes.
  const compare = (a: string, b: string) =>
    Buffer.compare(Buffer.from(a), Buffer.from(b));
  return [...changes].sort((a, b) => {
    const aRemoves = a.value === undefined;
    const bRemoves = b.value === undefined;
    if (aRemoves !== bRemoves) return aRemoves ? -1 : 1;
    return compare(a.name, b.name) || compare(a.value ?? "", b.value ?? "");
  });
}

/**
 * Checks `changes` to the deployment's variables `current` as a whole, as
 * Convex does before it commits them: every name and value, no built-in
 * name set, and the resulting set within the count and total size limits.
 * Returns the changes in the order to apply them (see `sortEnvChanges`).
 */
export function checkEnvChanges(
  current: Record<string, string>,
  changes: EnvChange[],
): EnvChange[] {
  // Convex parses the changes in the order of the request.
  for (const { name, value } of changes) {
    checkEnvName(name);
    if (value !== undefined) checkEnvValue(value);
  }
  const ordered = sortEnvChanges(changes);
  const next = new Map(Object.entries(current));
  for (const { name, value } of ordered) {
    if (value === undefined) {
      next.delete(name);
      continue;
    }
    if (BUILT_IN_NAMES.has(name)) {
      throw badRequest(
        "EnvVarNameForbidden",
        `Environment variable with name "${name}" is built-in and cannot be overridden`,
      );
    }
    next.set(name, value);
  }
  if (next.size > MAX_VARIABLES) {
    throw badRequest(
      "EnvVarLimitMet",
      `The environment variable limit (${MAX_VARIABLES}) has been met.`,
    );
  }
  let total = 0;
  // Convex counts the length of the UTF-8 bytes of names and values.
  for (const [name, value] of next) {
    total += Buffer.byteLength(name) + Buffer.byteLength(value);
  }
  if (total > MAX_TOTAL_BYTES) {
    throw badRequest(
      "EnvVarTotalSizeLimitMet",
      `The total size of all environment variables (${total} bytes) exceeds the limit (${MAX_TOTAL_BYTES} bytes).`,
    );
  }
  return ordered;
}
