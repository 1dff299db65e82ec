import { isTypedSignatureAnswer } from "../answers/typed-signature";
import { LIMITS } from "../fields/limits";
import type { FieldError } from "./field-error";
import {
  invalidSignatureError,
  invalidTypedSignatureError,
  invalidTypeError,
  requiredError,
  signatureTooLongError,
  typedSignatureTooLongError,
} from "./messages";

/**
 * Characters a typed name must not contain: control characters (C0, DEL
 * and C1, so also tabs and line feeds), line and paragraph separators,
 * lone surrogates and the bidirectional formatting characters. Those are
 * U+061C, U+200E, U+200F, U+202A to U+202E and U+2066 to U+2069, which
 * can make a name display in another order than it is stored.
 */
const FORBIDDEN_NAME_CHARACTERS =
  /[\p{Cc}\p{Zl}\p{Zp}\p{Cs}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/**
 * Format characters (general category Cf) and characters that display as
 * nothing (Unicode's Default_Ignorable_Code_Point property), such as
 * zero-width spaces, soft hyphens, tag characters, interlinear annotation
 * marks and Hangul fillers. A name must not contain them, because they
 * hide text or make a blank name look signed.
 */
const INVISIBLE_CHARACTER = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/u;

/**
 * Ranges of invisible code points that names need. The zero-width
 * non-joiner and joiner (U+200C, U+200D) spell Persian, Indic and emoji
 * names. U+180B to U+180F are Mongolian variation selectors and the vowel
 * separator. The variation selectors U+FE00 to U+FE0F and U+E0100 to
 * U+E01EF pick a registered glyph of a CJK ideograph.
 */
const NAME_JOINERS: readonly (readonly [number, number])[] = [
  [0x200c, 0x200d],
  [0x180b, 0x180f],
  [0xfe00, 0xfe0f],
  [0xe0100, 0xe01ef],
];

/** A letter of any script. A typed name needs at least one. */
const LETTER = /\p{L}/u;

/**
 * Validates a signature answer, drawn or typed. A drawn one needs a
 * positive canvas size up to `LIMITS.signatureCanvasSize`, at most
 * `LIMITS.signatureStrokes` strokes and `LIMITS.signaturePoints` points
 * overall, and every stroke a flat list of x, y pairs inside the canvas,
 * rounded to one decimal. No strokes is no answer. A typed one is checked
 * by {@link checkTypedSignature}.
 */
export function checkSignature(
  value: unknown,
  required: boolean,
): FieldError | null {
  if (isTypedSignatureAnswer(value)) {
    return checkTypedSignature(value.typedName, required);
  }
  if (!isSignatureShape(value)) {
    return invalidTypeError("signature");
  }
  const { width, height, strokes } = value;
  if (!isCanvasSide(width) || !isCanvasSide(height)) {
    return invalidTypeError("signature");
  }
  if (strokes.length === 0) {
    return required ? requiredError("signature") : null;
  }
  if (strokes.length > LIMITS.signatureStrokes) {
    return signatureTooLongError();
  }

  let points = 0;
  for (const stroke of strokes) {
    points += stroke.length / 2;
    if (points > LIMITS.signaturePoints) {
      return signatureTooLongError();
    }
    if (stroke.length === 0 || stroke.length % 2 !== 0) {
      return invalidSignatureError();
    }
    for (let index = 0; index < stroke.length; index += 1) {
      const limit = index % 2 === 0 ? width : height;
      if (!isCoordinate(stroke[index], limit)) {
        return invalidSignatureError();
      }
    }
  }
  return null;
}

/**
 * Validates a typed name: blank (only whitespace) is no answer, and
 * otherwise it has at most `LIMITS.typedSignatureLength` UTF-16 code
 * units, at least one letter, none of `FORBIDDEN_NAME_CHARACTERS` and no
 * invisible character other than one of `NAME_JOINERS`.
 */
function checkTypedSignature(
  name: string,
  required: boolean,
): FieldError | null {
  if (name.trim() === "") {
    return required ? requiredError("signature") : null;
  }
  if (name.length > LIMITS.typedSignatureLength) {
    return typedSignatureTooLongError();
  }
  if (
    FORBIDDEN_NAME_CHARACTERS.test(name) ||
    hasInvisibleCharacter(name) ||
    !LETTER.test(name)
  ) {
    return invalidTypedSignatureError();
  }
  return null;
}

function hasInvisibleCharacter(name: string): boolean {
  for (const character of name) {
    if (INVISIBLE_CHARACTER.test(character) && !isNameJoiner(character)) {
      return true;
    }
  }
  return false;
}

function isNameJoiner(character: string): boolean {
  const codePoint = character.codePointAt(0) ?? 0;
  return NAME_JOINERS.some(
    ([first, last]) => codePoint >= first && codePoint <= last,
  );
}

function isSignatureShape(
  value: unknown,
): value is { width: number; height: number; strokes: unknown[][] } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return false;
  }
  const keys = Object.keys(value).sort().join(",");
  if (keys !== "height,strokes,width") {
    return false;
  }
  const { width, height, strokes } = value as Record<string, unknown>;
  return (
    typeof width === "number" &&
    typeof height === "number" &&
    Array.isArray(strokes) &&
    strokes.every((stroke) => Array.isArray(stroke))
  );
}

function isCanvasSide(side: number): boolean {
  return (
    Number.isFinite(side) && side > 0 && side <= LIMITS.signatureCanvasSize
  );
}

/**
 * Checks a coordinate is a number in 0..limit with at most one decimal.
 * `Math.round(v * 10) / 10` gives back the same double for a value such as
 * 12.3, because both are the nearest double to 123 / 10.
 */
function isCoordinate(value: unknown, limit: number): boolean {
  return (
    typeof value === "number" &&
    value >= 0 &&
    value <= limit &&
    Math.round(value * 10) / 10 === value
  );
}
