import { intakeError } from "./errors";

/**
 * Trims `value` and checks that it has 1 to `maxLength` characters.
 * Throws `invalidArgument` naming `argument` otherwise.
 */
export function requireName(
  value: string,
  argument: string,
  maxLength = 120,
): string {
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.length > maxLength) {
    throw intakeError({
      kind: "invalidArgument",
      argument,
      message: `Enter a ${argument} of 1 to ${maxLength} characters.`,
    });
  }
  return trimmed;
}

const tokenPattern = /^[A-Za-z0-9_-]{8,128}$/;

/**
 * Checks a client-generated token such as a visitor id or submission key:
 * 8 to 128 letters, digits, `_` or `-`, which a UUID satisfies.
 */
export function requireToken(value: string, argument: string): string {
  if (!tokenPattern.test(value)) {
    throw intakeError({
      kind: "invalidArgument",
      argument,
      message: `${argument} must be 8 to 128 letters, digits, "_" or "-".`,
    });
  }
  return value;
}
