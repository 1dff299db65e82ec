/**
 * Text analysis of Convex search indexes (crates/search/src/constants.rs in
 * convex-backend): tantivy's `SimpleTokenizer` splits on every character
 * that is not alphanumeric, `RemoveLongFilter` drops terms of 32 bytes or
 * more, and `LowerCaser` lowercases the rest.
 */

/** Maximum number of terms read from a search query. Later terms are ignored. */
export const MAX_QUERY_TERMS = 16;

/** Terms of this many UTF-8 bytes or more are dropped. */
export const MAX_TEXT_TERM_BYTES = 32;

const TOKEN = /[\p{L}\p{N}]+/gu;

/** Splits text into lowercase terms, in order, repeats included. */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const term = match[0];
    if (Buffer.byteLength(term) >= MAX_TEXT_TERM_BYTES) continue;
    terms.push(term.toLowerCase());
  }
  return terms;
}

/** Tokenizes a search query, keeping its first `MAX_QUERY_TERMS` terms. */
export function queryTerms(text: string): string[] {
  return tokenize(text).slice(0, MAX_QUERY_TERMS);
}
