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
