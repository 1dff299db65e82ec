import { describe, expect, test } from "vitest";

import { DEFAULT_KIOSK_TIMING, parseKioskTiming } from "./kiosk-timing";

describe("parseKioskTiming", () => {
  test("no parameters gives defaults", () => {
    expect(parseKioskTiming({})).toEqual(DEFAULT_KIOSK_TIMING);
  });

  test("valid parameters override", () => {
    expect(
      parseKioskTiming({
        idle: "2000",
        countdown: "3000",
        confirmation: "1500",
      }),
    ).toEqual({ idleMs: 2000, countdownMs: 3000, confirmationMs: 1500 });
  });

  test.each([
    ["below the minimum", "999"],
    ["above the maximum", "600001"],
    ["zero", "0"],
    ["negative", "-5000"],
    ["fractional", "1500.5"],
    ["text", "soon"],
    ["empty", ""],
  ])("idle %s is ignored", (_case, value) => {
    expect(parseKioskTiming({ idle: value }).idleMs).toBe(
      DEFAULT_KIOSK_TIMING.idleMs,
    );
  });

  test("repeated parameter is ignored", () => {
    expect(parseKioskTiming({ countdown: ["2000", "3000"] }).countdownMs).toBe(
      DEFAULT_KIOSK_TIMING.countdownMs,
    );
  });
});
