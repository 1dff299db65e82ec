import { describe, expect, test } from "vitest";

import { ArrivalTracker, announceArrivals } from "./new-arrivals";

describe("ArrivalTracker", () => {
  test("first result is the backlog", () => {
    const tracker = new ArrivalTracker();
    expect(tracker.update(["a", "b"])).toEqual([]);
  });

  test("later ids are arrivals once", () => {
    const tracker = new ArrivalTracker();
    tracker.update(["a"]);
    expect(tracker.update(["c", "b", "a"])).toEqual(["c", "b"]);
    expect(tracker.update(["c", "b", "a"])).toEqual([]);
  });

  test("empty first result still counts", () => {
    const tracker = new ArrivalTracker();
    tracker.update([]);
    expect(tracker.update(["a"])).toEqual(["a"]);
  });
});

describe("announceArrivals", () => {
  test.each([
    { description: "none", references: [], expected: "" },
    {
      description: "one",
      references: ["K7P2QX"],
      expected: "New submission, reference K7P2QX.",
    },
    {
      description: "several",
      references: ["K7P2QX", "M3D9RT"],
      expected: "2 new submissions, references K7P2QX, M3D9RT.",
    },
  ])("$description", ({ references, expected }) => {
    expect(announceArrivals(references)).toBe(expected);
  });
});
