import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestEngine, type TestEngine } from "./helpers";

let t: TestEngine;

beforeAll(async () => {
  t = await startTestEngine("basic-app");
});

afterAll(async () => {
  await t.close();
});

test("query module state is fresh per call", async () => {
  expect(await t.query("moduleState:queryCount")).toBe(1);
  expect(await t.query("moduleState:queryCount")).toBe(1);
});

test("mutation module state is fresh per call", async () => {
  expect(await t.mutation("moduleState:mutationCount")).toBe(1);
  expect(await t.mutation("moduleState:mutationCount")).toBe(1);
});

test("action module state is fresh per call", async () => {
  expect(await t.action("moduleState:actionCount")).toBe(1);
  expect(await t.action("moduleState:actionCount")).toBe(1);
});

test("concurrent calls see separate state", async () => {
  const counts = await Promise.all(
    Array.from({ length: 8 }, () => t.mutation("moduleState:mutationCount")),
  );
  expect(counts).toEqual(Array.from({ length: 8 }, () => 1));
});

test("nested call gets fresh module state", async () => {
  const first = await t.mutation("moduleState:nestedCounts");
  expect(first).toEqual({ outer: 1, inner: 1 });
  const second = await t.mutation("moduleState:nestedCounts");
  expect(second).toEqual({ outer: 1, inner: 1 });
});

test("top-level env writes stay per instance", async () => {
  expect(await t.query("moduleState:loadMarksSeen")).toBe("x");
  expect(await t.query("moduleState:loadMarksSeen")).toBe("x");
});
