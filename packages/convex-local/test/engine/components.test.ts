import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { TIMEOUT_MS } from "../../src/engine/execution";
import { decodeId } from "../../src/ids";
import { FIXTURES, startTestEngine, type TestEngine } from "./helpers";

let t: TestEngine;

beforeAll(async () => {
  t = await startTestEngine("basic-app");
});

afterAll(async () => {
  await t.close();
});

test("failed child mutation rolls back alone", async () => {
  const result = await t.mutation("nested:outer");
  expect(result).toEqual({
    upper: "OK",
    caught: { kind: "childFailed", body: "lost" },
  });
  expect(await t.query("nested:authors", { author: "nested-parent" })).toEqual([
    "kept",
  ]);
  expect(await t.query("nested:authors", { author: "nested-child" })).toEqual([
    "ok",
  ]);
});

test("component tables are namespaced", async () => {
  const before = await t.query("nested:appCounters");
  await t.mutation("sharded:add", { key: "isolated" });
  expect(await t.query("nested:appCounters")).toBe(before);
  const shards = await t.engine.runQuery({
    path: "public:count",
    componentPath: "shardedCounter",
    args: { name: "isolated" },
    caller: { kind: "admin" },
  });
  expect(shards.ok).toBe(true);
  expect(shards.ok ? shards.value : null).toBe(1);
});

test("component functions need admin", async () => {
  const result = await t.engine.runQuery({
    path: "public:count",
    componentPath: "shardedCounter",
    args: { name: "isolated" },
    caller: { kind: "anonymous" },
  });
  expect(result.ok).toBe(false);
});

test("filters use Convex ordering", async () => {
  await t.mutation("counters:increment", { name: "filter-one" });
  await t.mutation("counters:increment", { name: "filter-two" });
  await t.mutation("counters:increment", { name: "filter-two" });
  const names = (await t.query("nested:filtered", { min: 2 })) as string[];
  expect(names).toContain("filter-two");
  expect(names).not.toContain("filter-one");
});

test("identity reaches functions", async () => {
  const identity = {
    tokenIdentifier: "issuer|user-1",
    subject: "user-1",
    issuer: "issuer",
  };
  const result = await t.engine.runQuery({
    path: "nested:whoami",
    args: {},
    caller: { kind: "user", identity, token: "unused" },
  });
  expect(result.ok).toBe(true);
  expect(result.ok ? result.value : null).toBe("user-1");
  expect(await t.query("nested:whoami", {}, { kind: "anonymous" })).toBeNull();
});

test("transaction metrics count reads", async () => {
  const metrics = (await t.mutation("nested:metadata")) as {
    documentsRead: number;
  };
  expect(metrics.documentsRead).toBe(0);
});

test("reload swaps modules and keeps data", async () => {
  // Inside node_modules so the copy still resolves the package's dependencies.
  const scratch = path.join(FIXTURES, "..", "..", "node_modules", ".cache");
  mkdirSync(scratch, { recursive: true });
  const projectDir = mkdtempSync(path.join(scratch, "reload-"));
  cpSync(path.join(FIXTURES, "basic-app"), projectDir, { recursive: true });
  const engine = await startTestEngine("basic-app", { projectDir });
  try {
    await engine.mutation("messages:send", {
      author: "reload",
      body: "before",
    });
    writeFileSync(
      path.join(projectDir, "convex", "added.ts"),
      'import { query } from "./_generated/server";\nexport const hello = query({ args: {}, handler: async (ctx) => (await ctx.db.query("messages").collect()).length });\n',
    );
    await engine.engine.reload();
    expect(await engine.query("added:hello")).toBe(1);
  } finally {
    await engine.close();
    rmSync(projectDir, { recursive: true, force: true });
  }
});

test("too deep document rejected", async () => {
  const result = await t.engine.runMutation({
    path: "nested:deep",
    args: { depth: 20 },
    caller: { kind: "anonymous" },
  });
  expect(result.ok).toBe(false);
  expect(result.ok ? "" : result.errorMessage).toContain(
    "Document is too nested",
  );
});

test("hanging query times out", async () => {
  const previous = TIMEOUT_MS.transaction;
  TIMEOUT_MS.transaction = 200;
  try {
    const result = await t.engine.runQuery({
      path: "nested:hang",
      args: {},
      caller: { kind: "anonymous" },
    });
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.errorMessage).toContain("timed out");
  } finally {
    TIMEOUT_MS.transaction = previous;
  }
});

test("query times out after nested calls", async () => {
  const previous = TIMEOUT_MS.transaction;
  TIMEOUT_MS.transaction = 200;
  try {
    // The nested calls of a finished action armed the deadline timer.
    expect(await t.action("jobs:viaAction", { author: "deadline" })).toBe(1);
    const hanging = t.engine.runQuery({
      path: "nested:hang",
      args: {},
      caller: { kind: "anonymous" },
    });
    const guard = new Promise<"no timeout">((resolve) =>
      setTimeout(resolve, 3_000, "no timeout"),
    );
    const result = await Promise.race([hanging, guard]);
    expect(result).not.toBe("no timeout");
    if (result === "no timeout") return;
    expect(result.ok ? "" : result.errorMessage).toContain("timed out");
  } finally {
    TIMEOUT_MS.transaction = previous;
  }
});

test("normalizeId checks the table", async () => {
  const id = (await t.mutation("messages:send", {
    author: "norm",
    body: "x",
  })) as string;
  expect(await t.query("nested:normalize", { table: "messages", id })).toBe(id);
  expect(await t.query("nested:normalize", { table: "jobs", id })).toBeNull();
  expect(
    await t.query("nested:normalize", { table: "missing", id }),
  ).toBeNull();
  expect(
    await t.query("nested:normalize", { table: "messages", id: "nonsense" }),
  ).toBeNull();
});

test("normalizeId accepts legacy IDs", async () => {
  // A v4 ID and the v5 ID it maps to, computed as in id-v6.test.ts.
  const fromV4 = await t.query("nested:normalize", {
    table: "messages",
    id: "G0YdcF5U5cPKgI8wWTXWRIW",
  });
  const fromV5 = await t.query("nested:normalize", {
    table: "messages",
    id: "NgMPzH5WYpSQW0mnIOtOIA",
  });

  expect(typeof fromV4).toBe("string");
  expect(fromV4).toBe(fromV5);
  const decoded = decodeId(fromV4 as string);
  expect(Buffer.from(decoded!.internalId).toString("hex")).toBe(
    "36030fcc7e566294905b49a720eb4e20",
  );
  const sent = (await t.mutation("messages:send", {
    author: "legacy",
    body: "x",
  })) as string;
  expect(decoded!.tableNumber).toBe(decodeId(sent)!.tableNumber);
});

test("inline mutation reads and writes", async () => {
  type Ctx = {
    db: {
      insert(table: string, doc: object): Promise<string>;
      get(id: string): Promise<{ body: string } | null>;
    };
  };
  const id = await t.engine.runInlineMutation(async (ctx: Ctx) =>
    ctx.db.insert("messages", { author: "inline", body: "set up" }),
  );
  const body = await t.engine.runInlineMutation(
    async (ctx: Ctx) => (await ctx.db.get(id))?.body,
  );
  expect(body).toBe("set up");
  expect(await t.query("nested:authors", { author: "inline" })).toEqual([
    "set up",
  ]);
});

test("read limit per transaction", async () => {
  const id = (await t.mutation("messages:send", {
    author: "limits",
    body: "x",
  })) as string;
  expect(await t.query("nested:manyGets", { id, count: 4096 })).toBe(4096);
  const result = await t.engine.runQuery({
    path: "nested:manyGets",
    args: { id, count: 4097 },
    caller: { kind: "anonymous" },
  });
  expect(result.ok).toBe(false);
  expect(result.ok ? "" : result.errorMessage).toContain("(limit: 4096)");
});
