import { expect, test } from "vitest";
import { nextRunMs } from "../../src/scheduler/cron-schedule";
import { startTestEngine } from "./helpers";

const at = (iso: string) => Date.parse(iso);

test.each([
  [
    { type: "interval", seconds: 30 } as const,
    "2026-01-01T00:00:10Z",
    "2026-01-01T00:00:40Z",
  ],
  [
    { type: "hourly", minuteUTC: 15 } as const,
    "2026-01-01T10:20:00Z",
    "2026-01-01T11:15:00Z",
  ],
  [
    { type: "daily", hourUTC: 3, minuteUTC: 0 } as const,
    "2026-01-01T04:00:00Z",
    "2026-01-02T03:00:00Z",
  ],
  [
    { type: "weekly", dayOfWeek: "monday", hourUTC: 9 } as const,
    "2026-01-01T00:00:00Z",
    "2026-01-05T09:00:00Z",
  ],
  [
    { type: "monthly", day: 1, hourUTC: 0 } as const,
    "2026-01-15T00:00:00Z",
    "2026-02-01T00:00:00Z",
  ],
  [
    { type: "cron", cron: "*/10 * * * *" } as const,
    "2026-01-01T00:01:00Z",
    "2026-01-01T00:10:00Z",
  ],
  [
    { type: "cron", cron: "0 12 * * 1-5" } as const,
    "2026-01-02T12:00:00Z",
    "2026-01-05T12:00:00Z",
  ],
])("next run of %j", (schedule, after, expected) => {
  expect(new Date(nextRunMs(schedule, at(after))).toISOString()).toBe(
    new Date(at(expected)).toISOString(),
  );
});

test("invalid cron field rejected", () => {
  expect(() => nextRunMs({ type: "cron", cron: "61 * * * *" }, 0)).toThrow(
    "Invalid cron field",
  );
});

test("interval cron runs its mutation", async () => {
  const t = await startTestEngine("cron-app");
  try {
    await expect
      .poll(async () => t.query("ticks:count"), {
        timeout: 5000,
        interval: 200,
      })
      .toBeGreaterThanOrEqual(2);
  } finally {
    await t.close();
  }
});
