/**
 * Unpadded base32 with Crockford's alphabet in lowercase, as Convex uses for
 * document IDs. Decoding is strict: uppercase letters and the look-alike
 * characters Crockford allows (`i`, `l`, `o`, `u`) are rejected.
 */

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

const DECODE_TABLE: Int8Array = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) {
    table[ALPHABET.charCodeAt(i)] = i;
  }
  return table;
})();

/** Returns the number of base32 characters that encode `byteLength` bytes. */
export function base32Length(byteLength: number): number {
  return Math.ceil((byteLength * 8) / 5);
}

const ALPHABET_CODES = Array.from(ALPHABET, (char) => char.charCodeAt(0));

/** Encodes bytes as unpadded lowercase Crockford base32. */
export function encodeBase32(bytes: Uint8Array): string {
  // Character codes joined at the end give a flat string, where appending
  // one character at a time builds a chain of concatenations.
  const codes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < bytes.length; i++) {
    buffer = ((buffer << 8) | bytes[i]!) & 0xfff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      codes.push(ALPHABET_CODES[(buffer >> bits) & 0x1f]!);
    }
  }
  if (bits > 0) {
    codes.push(ALPHABET_CODES[(buffer << (5 - bits)) & 0x1f]!);
  }
  return String.fromCharCode(...codes);
}

/**
 * Returns the 5-bit value of the character at `position`, or -1 when it is
 * outside the alphabet.
 */
export function base32Value(text: string, position: number): number {
  const code = text.charCodeAt(position);
  return code < 128 ? DECODE_TABLE[code]! : -1;
}

/** The first character outside the alphabet, as returned by `decodeBase32`. */
export type InvalidBase32 = { invalidChar: string; position: number };

/**
 * Decodes unpadded base32 into `floor(length * 5 / 8)` bytes. Leftover bits
 * of the last character are dropped, so several strings can decode to the
 * same bytes. Callers that need a canonical form re-encode and compare.
 */
export function decodeBase32(text: string): Uint8Array | InvalidBase32 {
  const out = new Uint8Array(Math.floor((text.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let written = 0;
  for (let position = 0; position < text.length; position++) {
    const code = text.charCodeAt(position);
    const value = code < 128 ? DECODE_TABLE[code]! : -1;
    if (value < 0) {
      return { invalidChar: text[position]!, position };
    }
    buffer = ((buffer << 5) | value) & 0x1fff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      if (written < out.length) {
        out[written++] = (buffer >> bits) & 0xff;
      }
    }
  }
  return out;
}
