import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestEngine, type TestEngine } from "./helpers";

let t: TestEngine;
const admin = { kind: "admin" } as const;
const ids = new Map<string, string>();

beforeAll(async () => {
  t = await startTestEngine("fidelity-app");
  const rows: [string, number[], string][] = [
    ["x", [1, 0, 0], "axis"],
    ["y", [0, 1, 0], "axis"],
    ["xy", [1, 1, 0], "diagonal"],
    ["minus-x", [-1, 0, 0], "axis"],
  ];
  for (const [label, embedding, kind] of rows) {
    ids.set(
      label,
      (await t.mutation("vectors:add", { label, embedding, kind })) as string,
    );
  }
});

afterAll(async () => {
  await t.close();
});

type Result = { _id: string; _score: number };

test("vector search scores by cosine", async () => {
  const results = (await t.action("vectors:search", {
    vector: [2, 0, 0],
  })) as Result[];
  expect(results.map((result) => result._id)).toEqual([
    ids.get("x"),
    ids.get("xy"),
    ids.get("y"),
    ids.get("minus-x"),
  ]);
  expect(results[0]!._score).toBeCloseTo(1);
  expect(results[1]!._score).toBeCloseTo(Math.SQRT1_2);
  expect(results[2]!._score).toBeCloseTo(0);
  expect(results[3]!._score).toBeCloseTo(-1);
});

test("vector search limit and filter", async () => {
  const limited = (await t.action("vectors:search", {
    vector: [1, 0, 0],
    limit: 1,
  })) as Result[];
  expect(limited.map((result) => result._id)).toEqual([ids.get("x")]);
  const filtered = (await t.action("vectors:search", {
    vector: [1, 0, 0],
    kinds: ["diagonal"],
  })) as Result[];
  expect(filtered.map((result) => result._id)).toEqual([ids.get("xy")]);
  const either = (await t.action("vectors:search", {
    vector: [0, 1, 0],
    kinds: ["diagonal", "axis"],
    limit: 2,
  })) as Result[];
  expect(either.map((result) => result._id)).toEqual([
    ids.get("y"),
    ids.get("xy"),
  ]);
});

test.each([
  [{ vector: [1, 0] }, "Expected a vector with dimensions 3, received 2."],
  [
    { vector: [1, 0, 0], limit: 257 },
    "Vector queries can fetch at most 256 results, requested 257.",
  ],
  [
    { vector: [1, 0, 0], limit: 0 },
    "Vector queries must fetch between 1 and 256 results, requested 0.",
  ],
  [
    { vector: [1, 0, 0], kinds: ["axis"], filterField: "label" },
    'Vector query against embeddings.by_embedding contains a filter on "label" but that field isn\'t indexed for filtering in `filterFields`.',
  ],
])("vector search rejects %j", async (args, message) => {
  const result = await t.engine.runAction({
    path: "vectors:search",
    args,
    caller: admin,
  });
  expect(result.ok).toBe(false);
  expect(result.ok ? "" : result.errorMessage).toContain(message);
});
