import { ConvexClient } from "convex/browser";
import { makeFunctionReference } from "convex/server";
import { afterAll, beforeAll, expect, test } from "vitest";
import WebSocket from "ws";
import type { Commit } from "../../src/engine/types";
import { startApiServer } from "../../src/http/api-server";
import type { RunningServer } from "../../src/http/site-server";
import { tokenize } from "../../src/search/tokenize";
import { memoryLogger } from "../transports/harness";
import { startTestEngine, type TestEngine } from "./helpers";

let t: TestEngine;
const anonymous = { kind: "anonymous" } as const;

beforeAll(async () => {
  t = await startTestEngine("fidelity-app");
  const notes: [string, string, string?][] = [
    ["the patient reports knee pain", "north", "open"],
    ["knee pain after running, knee swelling", "north", "open"],
    ["follow up on shoulder pain", "north", "closed"],
    ["allergy to penicillin", "south", "open"],
    ["knee brace fitted", "south"],
  ];
  for (const [body, clinic, status] of notes) {
    await t.mutation("notes:add", {
      body,
      clinic,
      ...(status ? { status } : {}),
    });
  }
});

afterAll(async () => {
  await t.close();
});

async function commitOf(run: () => Promise<unknown>): Promise<Commit> {
  const commits: Commit[] = [];
  const stop = t.engine.onCommit((commit) => commits.push(commit));
  await run();
  stop();
  return commits[0]!;
}

test.each([
  ["Knee-Pain, now!", ["knee", "pain", "now"]],
  ["ÄRZTIN über 42", ["ärztin", "über", "42"]],
  [`short ${"x".repeat(32)} kept`, ["short", "kept"]],
])("tokenize %j", (text, terms) => {
  expect(tokenize(text)).toEqual(terms);
});

test("search ranks by relevance", async () => {
  const bodies = await t.query("notes:search", { text: "knee pain" });
  expect(bodies).toEqual([
    "knee pain after running, knee swelling",
    "the patient reports knee pain",
    "knee brace fitted",
    "follow up on shoulder pain",
  ]);
});

test("search matches last term as prefix", async () => {
  expect(await t.query("notes:search", { text: "penic" })).toEqual([
    "allergy to penicillin",
  ]);
  // Only the last term matches as a prefix.
  expect(await t.query("notes:search", { text: "penic qqq" })).toEqual([]);
  expect(await t.query("notes:search", { text: "kne brace" })).toEqual([
    "knee brace fitted",
  ]);
});

test("search matches no misspelled term", async () => {
  // Convex's search allows no edit distance: `QueryTerm::max_distance` in
  // crates/search/src/query.rs returns 0.
  expect(await t.query("notes:search", { text: "penicilin" })).toEqual([]);
  expect(await t.query("notes:search", { text: "kmee" })).toEqual([]);
  expect(await t.query("notes:search", { text: "allergy penicilin" })).toEqual([
    "allergy to penicillin",
  ]);
});

test("search applies equality filters", async () => {
  expect(
    await t.query("notes:search", { text: "knee", clinic: "south" }),
  ).toEqual(["knee brace fitted"]);
  expect(
    await t.query("notes:search", {
      text: "pain",
      clinic: "north",
      status: "closed",
    }),
  ).toEqual(["follow up on shoulder pain"]);
  // A filter on the second field alone is checked per document.
  expect(
    await t.query("notes:search", { text: "knee", status: "open" }),
  ).toEqual([
    "knee pain after running, knee swelling",
    "the patient reports knee pain",
  ]);
});

test("search with take and no match", async () => {
  expect(
    await t.query("notes:search", { text: "knee", limit: 1 }),
  ).toHaveLength(1);
  expect(await t.query("notes:search", { text: "zebra" })).toEqual([]);
  expect(await t.query("notes:search", { text: "  ,; " })).toEqual([]);
});

test.each([
  [
    "notes:searchWrongField",
    'Search query against notes.search_body contains a search filter against "clinic", which doesn\'t match the indexed `searchField` "body".',
  ],
  [
    "notes:searchUnfiltered",
    'Search query against notes.search_body contains an equality filter on "body" but that field isn\'t indexed for filtering in `filterFields`.',
  ],
])("search error %s", async (path, message) => {
  const result = await t.engine.runQuery({ path, args: {}, caller: anonymous });
  expect(result.ok).toBe(false);
  expect(result.ok ? "" : result.errorMessage).toContain(message);
});

test("search read set follows filters", async () => {
  const read = await t.engine.runQuery({
    path: "notes:search",
    args: { text: "zzz", clinic: "east" },
    caller: anonymous,
  });
  const other = await commitOf(() =>
    t.mutation("notes:add", { body: "unrelated", clinic: "west" }),
  );
  expect(t.engine.overlaps(read.readSet, other.writes)).toBe(false);
  const same = await commitOf(() =>
    t.mutation("notes:add", { body: "zzz", clinic: "east" }),
  );
  expect(t.engine.overlaps(read.readSet, same.writes)).toBe(true);
});

test("search paginates in relevance order", async () => {
  const all = (await t.query("notes:search", {
    text: "knee pain",
  })) as string[];
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 10; i++) {
    const result = (await t.query("notes:page", {
      text: "knee pain",
      paginationOpts: { numItems: 3, cursor },
    })) as { page: string[]; isDone: boolean; continueCursor: string };
    seen.push(...result.page);
    expect(result.page.length).toBeLessThanOrEqual(3);
    if (result.isDone) break;
    cursor = result.continueCursor;
  }
  expect(seen).toEqual(all);
});

test("search subscription updates on write", async () => {
  const server: RunningServer = await startApiServer({
    engine: t.engine,
    port: 0,
    logger: memoryLogger(),
  });
  const client = new ConvexClient(`http://127.0.0.1:${server.port}`, {
    webSocketConstructor: WebSocket as unknown as typeof globalThis.WebSocket,
    logger: false,
  });
  try {
    const search = makeFunctionReference<
      "query",
      { text: string; clinic: string },
      string[]
    >("notes:search");
    const values: string[][] = [];
    let notify: () => void = () => {};
    client.onUpdate(search, { text: "fracture", clinic: "north" }, (value) => {
      values.push(value);
      notify();
    });
    const next = (count: number) =>
      new Promise<void>((resolve) => {
        notify = () => {
          if (values.length >= count) resolve();
        };
        notify();
      });
    await next(1);
    expect(values[0]).toEqual([]);
    await t.mutation("notes:add", { body: "wrist fracture", clinic: "north" });
    await next(2);
    expect(values[1]).toEqual(["wrist fracture"]);
  } finally {
    await client.close();
    await server.close();
  }
});
