/**
 * Pattern of client-made ids (visitor id, submission key). It matches what
 * the backend's `views:record` and `submissions:submit` accept, and a UUID.
 */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{8,128}$/;

/** Checks whether `value` can serve as a visitor id or submission key. */
export function isToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/**
 * Creates a random version 4 UUID. `crypto.randomUUID` exists only in
 * secure contexts (HTTPS or localhost), so a clinic network reached over
 * plain HTTP falls back to `crypto.getRandomValues`, which works everywhere.
 */
export function createToken(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();

  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0"));
  return [
    hex.slice(0, 4).join(""),
    hex.slice(4, 6).join(""),
    hex.slice(6, 8).join(""),
    hex.slice(8, 10).join(""),
    hex.slice(10, 16).join(""),
  ].join("-");
}
