import { describe, expect, test } from "vitest";

import {
  MAX_SIGNATURE_POINTS,
  MAX_SIGNATURE_STROKES,
  pointsFromSignature,
  signatureFromPoints,
} from "./signature-strokes";

describe("signatureFromPoints", () => {
  test("flattens, rounds and clamps points", () => {
    const answer = signatureFromPoints(
      [
        {
          points: [
            { x: 1.234, y: 2.26 },
            { x: 350, y: -4 },
          ],
        },
        { points: [{ x: 10, y: 20 }] },
      ],
      300.04,
      150,
    );

    expect(answer).toEqual({
      width: 300,
      height: 150,
      strokes: [
        [1.2, 2.3, 300, 0],
        [10, 20],
      ],
    });
  });

  test("empty pad is undefined", () => {
    expect(signatureFromPoints([], 300, 150)).toBeUndefined();
    expect(signatureFromPoints([{ points: [] }], 300, 150)).toBeUndefined();
  });

  test("caps strokes", () => {
    const groups = Array.from({ length: MAX_SIGNATURE_STROKES + 5 }, () => ({
      points: [{ x: 1, y: 1 }],
    }));
    const answer = signatureFromPoints(groups, 300, 150);

    expect(answer?.strokes).toHaveLength(MAX_SIGNATURE_STROKES);
  });

  test("caps points overall", () => {
    const points = Array.from({ length: 3000 }, (_, i) => ({
      x: i % 300,
      y: 1,
    }));
    const answer = signatureFromPoints([{ points }, { points }], 300, 150);
    const total = (answer?.strokes ?? []).reduce(
      (sum, stroke) => sum + stroke.length / 2,
      0,
    );

    expect(total).toBe(MAX_SIGNATURE_POINTS);
  });
});

describe("pointsFromSignature", () => {
  test("scales to a smaller canvas", () => {
    const points = pointsFromSignature(
      { width: 300, height: 150, strokes: [[100, 50, 300, 150]] },
      150,
      100,
    );

    expect(points).toEqual([
      [
        { x: 50, y: 25 },
        { x: 150, y: 75 },
      ],
    ]);
  });
});
