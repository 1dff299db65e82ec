import { describe, expect, test } from "vitest";

import { unattributedTotals } from "./poster-totals";

const row = (views: number, starts: number, submissions: number) => ({
  views,
  visitors: views,
  starts,
  submissions,
  completionRate: starts === 0 ? null : submissions / starts,
});

describe("unattributedTotals", () => {
  test("subtracts every poster", () => {
    const rest = unattributedTotals(row(10, 6, 3), [
      row(4, 2, 1),
      row(1, 1, 1),
    ]);
    expect(rest.views).toBe(5);
    expect(rest.starts).toBe(3);
    expect(rest.submissions).toBe(1);
    expect(rest.completionRate).toBeCloseTo(1 / 3);
  });

  test("no starts has no rate", () => {
    const rest = unattributedTotals(row(3, 2, 0), [row(1, 2, 0)]);
    expect(rest.starts).toBe(0);
    expect(rest.completionRate).toBeNull();
  });
});
