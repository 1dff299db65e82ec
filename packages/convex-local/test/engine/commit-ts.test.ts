import { jsonToConvex } from "convex/values";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { ConvexJson } from "../../src/engine/types";
import { startTestEngine, type TestEngine } from "./helpers";

let t: TestEngine;

beforeAll(async () => {
  t = await startTestEngine("basic-app");
});

afterAll(async () => {
  await t.close();
});

async function record(label: string) {
  const result = await t.engine.runMutation({
    path: "events:record",
    args: { label },
    caller: { kind: "admin" },
  });
  expect(result.ok).toBe(true);
  if (!result.ok) throw new Error(result.errorMessage);
  return { value: result.value, ts: result.ts };
}

test("commitTs is a placeholder before commit", async () => {
  const { value } = await record("inside");
  expect(value).toEqual({ readBackIsPlaceholder: true, matches: 1 });
});

test("commitTs resolves to the commit timestamp", async () => {
  const first = await record("first");
  const second = await record("second");
  const events = jsonToConvex(
    (await t.query("events:list")) as ConvexJson as never,
  ) as { label: string; committedAt: bigint }[];
  const byLabel = new Map(events.map((event) => [event.label, event]));

  expect(byLabel.get("first")?.committedAt).toBe(first.ts);
  expect(byLabel.get("second")?.committedAt).toBe(second.ts);
  // The index orders events by commit.
  const labels = events.map((event) => event.label);
  expect(labels.indexOf("first")).toBeLessThan(labels.indexOf("second"));
});

/** Labels of the stored events with their commit timestamps. */
async function eventsByLabel() {
  const events = jsonToConvex(
    (await t.query("events:list")) as ConvexJson as never,
  ) as { label: string; committedAt: bigint }[];
  return new Map(events.map((event) => [event.label, event.committedAt]));
}

test("client arguments reject the commitTs token", async () => {
  const result = await t.engine.runMutation({
    path: "events:recordAt",
    args: { label: "from a client", at: { $commitTs: null } },
    caller: { kind: "admin" },
  });

  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.errorMessage).toContain(
    "Field name $commitTs starts with a '$', which is reserved.",
  );
  expect((await eventsByLabel()).has("from a client")).toBe(false);
});

test("a child mutation takes its parent's commitTs", async () => {
  const result = await t.engine.runMutation({
    path: "events:recordThroughChild",
    args: { label: "through a child" },
    caller: { kind: "admin" },
  });

  expect(result.ok).toBe(true);
  if (!result.ok) return;
  expect((await eventsByLabel()).get("through a child")).toBe(result.ts);
});

test("scheduled arguments reject commitTs", async () => {
  const result = await t.engine.runMutation({
    path: "events:scheduleWithCommitTs",
    args: { label: "scheduled" },
    caller: { kind: "admin" },
  });

  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.errorMessage).toContain(
    "Invalid arguments for events.js:recordAt: Field name $commitTs starts with a '$', which is reserved.",
  );
});
