import { intakeError } from "./errors";

/**
 * Control characters, line and paragraph separators, and the bidirectional
 * overrides and isolates. Names are printed on posters and shown to
 * patients, where these break SVG output or reorder the text on screen.
 */
const unprintablePattern =
  /[\p{Cc}\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

/**
 * Trims `value` and checks that it has 1 to `maxLength` characters and no
 * control or bidirectional formatting characters. Throws `invalidArgument`
 * naming `argument` otherwise.
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
  if (unprintablePattern.test(trimmed)) {
    throw intakeError({
      kind: "invalidArgument",
      argument,
      message: `Remove the control or text-direction characters from the ${argument}.`,
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
