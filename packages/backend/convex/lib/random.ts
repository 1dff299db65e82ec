/**
 * Alphabet for codes people read aloud or type: upper-case letters and
 * digits without 0/O, 1/I/L and 5/S, which are easily mistaken.
 */
export const referenceAlphabet = "ABCDEFGHJKMNPQRTUVWXYZ2346789";

/** Alphabet for the random suffix of public form slugs. */
export const slugAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

/**
 * Returns `length` characters drawn uniformly from `alphabet` with
 * `Math.random`, which is fine because the codes are lookup keys, not
 * secrets.
 */
export function randomCode(alphabet: string, length: number): string {
  let code = "";
  for (let i = 0; i < length; i++) {
    code += alphabet[Math.floor(Math.random() * alphabet.length)];
  }
  return code;
}
