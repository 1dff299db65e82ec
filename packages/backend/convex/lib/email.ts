import { intakeError } from "./errors";

/**
 * Maximum length of an email address. RFC 5321 limits a path to 256
 * octets, and the path includes the two angle brackets.
 */
export const maxEmailLength = 254;

// A local part of 1 to 64 characters (RFC 5321), "@", and a domain of at
// least two dot-separated labels. Whitespace, control characters and a
// second "@" are rejected anywhere. The check catches typing mistakes,
// and only a delivered message would prove that the address exists.
const emailPattern =
  /^[^\s@\p{Cc}]{1,64}@[^\s@.\p{Cc}]+(?:\.[^\s@.\p{Cc}]+)+$/u;

/**
 * Trims and lower-cases an email address, so every spelling of one
 * address names the same account.
 * Throws `invalidArgument` (argument "email") for a value that is not a
 * string, is longer than 254 characters or does not look like an address.
 */
export function normalizeEmail(value: unknown): string {
  const email = typeof value === "string" ? value.trim().toLowerCase() : "";
  if (email.length > maxEmailLength || !emailPattern.test(email)) {
    throw intakeError({
      kind: "invalidArgument",
      argument: "email",
      message: `Enter an email address like name@example.com, of at most ${maxEmailLength} characters.`,
    });
  }
  return email;
}
