/**
 * Field ids are answer keys, so they start with a lowercase letter: that
 * keeps them valid JavaScript identifiers and Convex field names, which may
 * not start with `$` or `_`. They contain no dot, so `<group>.<index>.<field>`
 * error keys stay unambiguous.
 */
export const FIELD_ID_PATTERN = /^[a-z][a-zA-Z0-9_]{0,63}$/;
