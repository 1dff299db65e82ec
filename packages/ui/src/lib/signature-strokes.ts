import type { SignatureAnswer } from "@intake/form-schema";

/** Maximum strokes in one signature answer. */
export const MAX_SIGNATURE_STROKES = 100;

/** Maximum points over all strokes of one signature answer. */
export const MAX_SIGNATURE_POINTS = 5000;

/** A point as `signature_pad` reports it, in CSS pixels of the canvas. */
export interface PadPoint {
  x: number;
  y: number;
}

/**
 * Converts `signature_pad` point groups into the stored answer: one flat
 * x0,y0,x1,y1,... list per stroke, clamped to the canvas and rounded to
 * 0.1 px. Strokes and points past the caps are dropped, so a long
 * scribble never produces an answer the validator rejects. Returns
 * undefined when no point is left.
 */
export function signatureFromPoints(
  groups: readonly { points: readonly PadPoint[] }[],
  width: number,
  height: number,
): SignatureAnswer | undefined {
  const w = round(width);
  const h = round(height);
  const strokes: number[][] = [];
  let pointCount = 0;

  for (const group of groups) {
    if (strokes.length >= MAX_SIGNATURE_STROKES) break;
    const stroke: number[] = [];
    for (const point of group.points) {
      if (pointCount >= MAX_SIGNATURE_POINTS) break;
      stroke.push(clamp(round(point.x), w), clamp(round(point.y), h));
      pointCount += 1;
    }
    if (stroke.length > 0) strokes.push(stroke);
  }

  if (strokes.length === 0 || w <= 0 || h <= 0) return undefined;
  return { width: w, height: h, strokes };
}

/**
 * Converts a stored answer back into point lists scaled to a canvas of
 * `width` by `height`, to redraw a restored draft. A canvas of another
 * shape is scaled on both axes alike, so the signature keeps its shape.
 */
export function pointsFromSignature(
  answer: SignatureAnswer,
  width: number,
  height: number,
): PadPoint[][] {
  const scale =
    answer.width > 0 && answer.height > 0
      ? Math.min(width / answer.width, height / answer.height)
      : 1;

  return answer.strokes.map((stroke) => {
    const points: PadPoint[] = [];
    for (let index = 0; index + 1 < stroke.length; index += 2) {
      points.push({ x: stroke[index]! * scale, y: stroke[index + 1]! * scale });
    }
    return points;
  });
}

/** Returns true for a value shaped like a {@link SignatureAnswer}. */
export function isSignatureAnswer(value: unknown): value is SignatureAnswer {
  if (typeof value !== "object" || value === null) return false;
  const { width, height, strokes } = value as Record<string, unknown>;
  return (
    typeof width === "number" &&
    typeof height === "number" &&
    Array.isArray(strokes) &&
    strokes.every(
      (stroke) =>
        Array.isArray(stroke) &&
        stroke.every((coordinate) => typeof coordinate === "number"),
    )
  );
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function clamp(value: number, max: number): number {
  return Math.min(Math.max(value, 0), max);
}
