import { afterAll, beforeAll, expect, test } from "vitest";
import type { Commit } from "../../src/engine/types";
import { startTestEngine, type TestEngine } from "./helpers";

let t: TestEngine;

beforeAll(async () => {
  t = await startTestEngine("basic-app");
});

afterAll(async () => {
  await t.close();
});

const anonymous = { kind: "anonymous" } as const;

async function commitOf(run: () => Promise<unknown>): Promise<Commit> {
  const commits: Commit[] = [];
  const stop = t.engine.onCommit((commit) => commits.push(commit));
  await run();
  stop();
  expect(commits).toHaveLength(1);
  return commits[0]!;
}

test("index read overlaps only its range", async () => {
  const read = await t.engine.runQuery({
    path: "messages:byAuthor",
    args: { author: "ann" },
    caller: anonymous,
  });
  const other = await commitOf(() =>
    t.mutation("messages:send", { author: "bob", body: "x" }),
  );
  expect(t.engine.overlaps(read.readSet, other.writes)).toBe(false);
  const same = await commitOf(() =>
    t.mutation("messages:send", { author: "ann", body: "x" }),
  );
  expect(t.engine.overlaps(read.readSet, same.writes)).toBe(true);
});

test("full scan overlaps any insert", async () => {
  const read = await t.engine.runQuery({
    path: "messages:list",
    args: {},
    caller: anonymous,
  });
  const commit = await commitOf(() =>
    t.mutation("messages:send", { author: "carl", body: "x" }),
  );
  expect(t.engine.overlaps(read.readSet, commit.writes)).toBe(true);
});

test("first reads only what it returned", async () => {
  await t.mutation("messages:send", { author: "dan", body: "x" });
  const read = await t.engine.runQuery({
    path: "messages:latest",
    args: {},
    caller: anonymous,
  });
  const rows = (await t.query("messages:list")) as { _id: string }[];
  // Patching the oldest message is outside the range `first` consumed.
  const oldest = rows[0]!._id;
  const commit = await commitOf(() =>
    t.mutation("messages:edit", { id: oldest, body: "changed" }),
  );
  expect(t.engine.overlaps(read.readSet, commit.writes)).toBe(false);
  const newer = await commitOf(() =>
    t.mutation("messages:send", { author: "eve", body: "x" }),
  );
  expect(t.engine.overlaps(read.readSet, newer.writes)).toBe(true);
});

test("commits arrive in timestamp order", async () => {
  const seen: bigint[] = [];
  const stop = t.engine.onCommit((commit) => seen.push(commit.ts));
  await Promise.all(
    [1, 2, 3].map((i) =>
      t.mutation("messages:send", { author: `o${i}`, body: "x" }),
    ),
  );
  stop();
  expect(seen).toHaveLength(3);
  expect([...seen].sort((a, b) => (a < b ? -1 : 1))).toEqual(seen);
  expect(seen[2]).toBe(t.engine.latestTs());
});

test("query at an older timestamp", async () => {
  const before = t.engine.latestTs();
  await t.mutation("messages:send", { author: "time", body: "later" });
  const old = await t.engine.runQuery(
    { path: "messages:byAuthor", args: { author: "time" }, caller: anonymous },
    before,
  );
  expect(old.ok).toBe(true);
  expect(old.ok ? old.value : null).toEqual([]);
  expect(old.ts).toBe(before);
});

test("paginate reads up to its page end", async () => {
  for (let i = 0; i < 6; i++) {
    await t.mutation("messages:send", { author: "pager", body: `p${i}` });
  }
  const read = await t.engine.runQuery({
    path: "messages:page",
    args: { paginationOpts: { numItems: 3, cursor: null } },
    caller: anonymous,
  });
  expect(read.ok).toBe(true);
  if (!read.ok) return;
  const page = read.value as { page: { _id: string }[]; isDone: boolean };
  expect(page.page).toHaveLength(3);
  expect(page.isDone).toBe(false);

  const rows = (await t.query("messages:list")) as { _id: string }[];
  const inside = page.page[1]!._id;
  const after = rows[rows.length - 1]!._id;
  expect(page.page.map((row) => row._id)).not.toContain(after);

  const insideWrite = await commitOf(() =>
    t.mutation("messages:edit", { id: inside, body: "changed" }),
  );
  expect(t.engine.overlaps(read.readSet, insideWrite.writes)).toBe(true);
  const afterWrite = await commitOf(() =>
    t.mutation("messages:edit", { id: after, body: "changed" }),
  );
  expect(t.engine.overlaps(read.readSet, afterWrite.writes)).toBe(false);
  const appended = await commitOf(() =>
    t.mutation("messages:send", { author: "pager", body: "new" }),
  );
  expect(t.engine.overlaps(read.readSet, appended.writes)).toBe(false);
});
