import { afterAll, beforeAll, expect, test } from "vitest";
import type { ConvexJson } from "../../src/engine/types";
import { startTestEngine, type TestEngine } from "./helpers";

let t: TestEngine;
let knownId: string;

beforeAll(async () => {
  t = await startTestEngine("basic-app");
  knownId = (await t.mutation("messages:send", {
    author: "limits",
    body: "intact",
  })) as string;
});

afterAll(async () => {
  await t.close();
});

const MiB = 1024 * 1024;

/** Builds an object nested `depth` levels deep: `{a: {a: … null}}`. */
function nested(depth: number): ConvexJson {
  let value: ConvexJson = null;
  for (let level = 0; level < depth; level++) value = { a: value };
  return value;
}

const cases: {
  name: string;
  kind: "mutation" | "query";
  path: string;
  args: () => ConvexJson;
  message: RegExp;
}[] = [
  {
    name: "arguments over 16 MiB",
    kind: "mutation",
    path: "sizes:accept",
    args: () => ({ payload: "x".repeat(17 * MiB) }),
    message:
      /\nArguments for sizes\.js:accept are too large \(actual: 17 MiB, limit: 16 MiB\)$/,
  },
  {
    name: "arguments nested over 64",
    kind: "mutation",
    path: "sizes:accept",
    args: () => ({ payload: nested(70) }),
    message:
      /^\[Request ID: [0-9a-f]+\] Server Error\nInvalid arguments for sizes\.js:accept: Value is too nested \(nested 65 levels deep > maximum nesting 64\)$/,
  },
  {
    // The arguments array and object add two levels to the payload's 63.
    name: "arguments nested one over 64",
    kind: "mutation",
    path: "sizes:accept",
    args: () => ({ payload: nested(63) }),
    message:
      /\nInvalid arguments for sizes\.js:accept: Value is too nested \(nested 65 levels deep > maximum nesting 64\)$/,
  },
  {
    // Deeper than the JavaScript stack allows a recursive conversion.
    name: "arguments nested 100,000 deep",
    kind: "mutation",
    path: "sizes:accept",
    args: () => ({ payload: nested(100_000) }),
    message:
      /^\[Request ID: [0-9a-f]+\] Server Error\nInvalid arguments for sizes\.js:accept: Value is too nested \(nested 65 levels deep > maximum nesting 64\)$/,
  },
  {
    name: "return value over 16 MiB",
    kind: "query",
    path: "sizes:make",
    args: () => ({ length: 17 * MiB }),
    message:
      /\nFunction sizes\.js:make return value is too large \(actual: 17 MiB, limit: 16 MiB\)$/,
  },
  {
    name: "return value nested over 64",
    kind: "query",
    path: "sizes:nest",
    args: () => ({ depth: 65 }),
    message:
      /\nFunction sizes\.js:nest return value invalid: Value is too nested \(nested 65 levels deep > maximum nesting 64\)$/,
  },
  {
    name: "document over 1 MiB",
    kind: "mutation",
    path: "sizes:store",
    args: () => ({ payload: "x".repeat(2 * MiB) }),
    message: /Value is too large \(2 MiB > maximum size 1 MiB\)/,
  },
  {
    name: "document nested over 16",
    kind: "mutation",
    path: "sizes:store",
    args: () => ({ payload: nested(20) }),
    message: /Document is too nested: the maximum nesting depth is 16\./,
  },
  {
    name: "string with a lone surrogate",
    kind: "mutation",
    path: "sizes:store",
    args: () => ({ payload: { list: ["ok", "a\ud800b"] } }),
    // Convex rejects the `1.0/insert` argument JSON, whose 62nd byte is
    // the one after the lone surrogate's escape.
    message:
      /\nUncaught Error: Received invalid json: unexpected end of hex escape at line 1 column 62\n/,
  },
];

test.each(cases)("$name is rejected", async ({ kind, path, args, message }) => {
  const call = { path, args: args(), caller: { kind: "admin" } as const };
  const result =
    kind === "query"
      ? await t.engine.runQuery(call)
      : await t.engine.runMutation(call);

  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.errorMessage).toMatch(message);
  // The store is intact: nothing was written and a known document reads back.
  expect(await t.query("sizes:count")).toBe(0);
  const rows = (await t.query("messages:byAuthor", {
    author: "limits",
  })) as { _id: string; body: string }[];
  expect(rows).toHaveLength(1);
  expect(rows[0]!._id).toBe(knownId);
  expect(rows[0]!.body).toBe("intact");
});

test("arguments nested 64 deep are accepted", async () => {
  expect(await t.mutation("sizes:accept", { payload: nested(62) })).toBe(null);
});

test("return value nested 64 deep is accepted", async () => {
  expect(await t.query("sizes:nest", { depth: 64 })).toEqual(nested(64));
});

test("arguments at 16 MiB are accepted", async () => {
  // 14 bytes of the arguments array are framing around the string.
  const payload = "x".repeat(16 * MiB - 14);
  expect(await t.mutation("sizes:accept", { payload })).toBe(null);
});
