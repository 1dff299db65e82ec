/**
 * Returns `length` random decimal digits from the Web Crypto random source.
 * Rejection sampling keeps every digit uniform.
 */
export function randomDigits(length: number): string {
  let digits = "";
  const bytes = new Uint8Array(length * 2);
  while (digits.length < length) {
    crypto.getRandomValues(bytes);
    for (const byte of bytes) {
      // 250 is the largest multiple of 10 below 256.
      if (byte < 250 && digits.length < length) digits += String(byte % 10);
    }
  }
  return digits;
}

/** Returns a URL-safe token of `bytes` random bytes, in base64url. */
export function randomToken(bytes = 32): string {
  const buffer = new Uint8Array(bytes);
  crypto.getRandomValues(buffer);
  let binary = "";
  for (const byte of buffer) binary += String.fromCharCode(byte);
  return btoa(binary)
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

/** Returns the SHA-256 digest of `value` (UTF-8) as lower-case hex. */
export async function sha256Hex(value: string): Promise<string> {
  const digest = await crypto.subtle.digest(
    "SHA-256",
    new TextEncoder().encode(value),
  );
  return Array.from(new Uint8Array(digest), (byte) =>
    byte.toString(16).padStart(2, "0"),
  ).join("");
}
