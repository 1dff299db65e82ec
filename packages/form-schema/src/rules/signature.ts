import { LIMITS } from "../fields/limits";
import type { FieldError } from "./field-error";
import {
  invalidSignatureError,
  invalidTypeError,
  requiredError,
  signatureTooLongError,
} from "./messages";

/**
 * Validates a signature answer: a positive canvas size up to
 * `LIMITS.signatureCanvasSize`, at most `LIMITS.signatureStrokes` strokes and
 * `LIMITS.signaturePoints` points overall, and every stroke a flat list of
 * x, y pairs inside the canvas, rounded to one decimal. No strokes is no
 * answer.
 */
export function checkSignature(
  value: unknown,
  required: boolean,
): FieldError | null {
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
