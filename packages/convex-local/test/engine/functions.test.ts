import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ConvexJson } from "../../src/engine/types";
import { startTestEngine, type TestEngine } from "./helpers";

let t: TestEngine;

beforeAll(async () => {
  t = await startTestEngine("basic-app");
});

afterAll(async () => {
  await t.close();
});

const anonymous = { kind: "anonymous" } as const;

type Message = {
  _id: string;
  _creationTime: number;
  author: string;
  body: string;
};

describe("queries and mutations", () => {
  test("insert then read by index", async () => {
    const id = await t.mutation("messages:send", {
      author: "ann",
      body: "hello",
    });
    expect(typeof id).toBe("string");
    const rows = (await t.query("messages:byAuthor", {
      author: "ann",
    })) as Message[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!._id).toBe(id);
    expect(rows[0]!.body).toBe("hello");
  });

  test("creation times increase with a fraction", async () => {
    await t.mutation("messages:send", { author: "cid", body: "1" });
    await t.mutation("messages:send", { author: "cid", body: "2" });
    const rows = (await t.query("messages:byAuthor", {
      author: "cid",
    })) as Message[];
    expect(rows.map((row) => row.body)).toEqual(["1", "2"]);
    expect(rows[1]!._creationTime).toBeGreaterThan(rows[0]!._creationTime);
  });

  test("patch and delete", async () => {
    const id = await t.mutation("messages:send", {
      author: "pat",
      body: "old",
    });
    await t.mutation("messages:edit", { id, body: "new" });
    let rows = (await t.query("messages:byAuthor", {
      author: "pat",
    })) as Message[];
    expect(rows[0]!.body).toBe("new");
    await t.mutation("messages:remove", { id });
    rows = (await t.query("messages:byAuthor", { author: "pat" })) as Message[];
    expect(rows).toEqual([]);
  });

  test("desc order first", async () => {
    await t.mutation("messages:send", { author: "zed", body: "last one" });
    const latest = (await t.query("messages:latest")) as Message;
    expect(latest.body).toBe("last one");
  });

  test("pagination walks every page", async () => {
    const before = ((await t.query("messages:list")) as Message[]).length;
    for (let i = 0; i < 5; i++) {
      await t.mutation("messages:send", { author: "pager", body: `p${i}` });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    for (;;) {
      const result = (await t.query("messages:page", {
        paginationOpts: { numItems: 2, cursor },
      })) as { page: Message[]; isDone: boolean; continueCursor: string };
      seen.push(...result.page.map((row) => row._id));
      pages += 1;
      if (result.isDone) break;
      cursor = result.continueCursor;
    }
    expect(new Set(seen).size).toBe(before + 5);
    expect(pages).toBeGreaterThanOrEqual(Math.ceil((before + 5) / 2));
  });

  test("journal keeps the page boundary", async () => {
    const first = await t.engine.runQuery({
      path: "messages:page",
      args: { paginationOpts: { numItems: 2, cursor: null } },
      caller: anonymous,
    });
    expect(first.ok).toBe(true);
    expect(first.journal).not.toBeNull();
    await t.mutation("messages:send", { author: "aaa-first", body: "extra" });
    const again = await t.engine.runQuery({
      path: "messages:page",
      args: { paginationOpts: { numItems: 2, cursor: null } },
      caller: anonymous,
      journal: first.journal,
    });
    const pageOf = (result: typeof first) =>
      result.ok ? (result.value as { page: Message[] }).page.length : -1;
    expect(pageOf(again)).toBe(pageOf(first));
  });
});

describe("errors and validation", () => {
  test("ConvexError data crosses", async () => {
    const result = await t.engine.runMutation({
      path: "messages:send",
      args: { author: "a", body: "" },
      caller: anonymous,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errorData).toEqual({ kind: "emptyBody" });
  });

  test.each([
    [{ author: "a" }, "Object is missing the required field `body`"],
    [{ author: "a", body: 1 }, "Path: .body"],
    [
      { author: "a", body: "b", extra: true },
      "Object contains extra field `extra`",
    ],
  ])("args %j rejected", async (args, text) => {
    const result = await t.engine.runMutation({
      path: "messages:send",
      args: args as ConvexJson,
      caller: anonymous,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errorMessage).toContain("ArgumentValidationError");
    expect(result.errorMessage).toContain(text);
  });

  test("schema rejects a bad document", async () => {
    const result = await t.engine.runMutation({
      path: "messages:badInsert",
      args: {},
      caller: anonymous,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errorMessage).toContain(
      'Failed to insert or update a document in table "messages" because it does not match the schema',
    );
  });

  test("returns validator rejects", async () => {
    const result = await t.engine.runQuery({
      path: "messages:wrongReturn",
      args: {},
      caller: anonymous,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errorMessage).toContain("ReturnsValidationError");
  });

  test("id from wrong table rejected", async () => {
    const counter = await t.mutation("counters:increment", {
      name: "wrong-table",
    });
    expect(counter).toBe(1);
    const rows = (await t.query("messages:list")) as Message[];
    const jobId = await t.mutation("jobs:later", {
      label: "x",
      delayMs: 60_000,
    });
    const result = await t.engine.runMutation({
      path: "messages:edit",
      args: { id: jobId, body: "x" },
      caller: anonymous,
    });
    expect(rows.length).toBeGreaterThan(0);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errorMessage).toContain(
      'which does not match the table name in validator `v.id("messages")`',
    );
  });

  test("internal hidden from clients", async () => {
    const client = await t.engine.runQuery({
      path: "messages:secret",
      args: {},
      caller: anonymous,
    });
    expect(client.ok).toBe(false);
    if (!client.ok) expect(client.systemCode).toBe("NotFound");
    const admin = await t.query("messages:secret");
    expect(admin).toBe("internal only");
  });

  test("unknown function not found", async () => {
    const result = await t.engine.runQuery({
      path: "nope:missing",
      args: {},
      caller: anonymous,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.systemCode).toBe("NotFound");
  });
});

describe("runtime", () => {
  test("Date frozen within a query", async () => {
    const value = (await t.query("messages:clock")) as {
      first: number;
      second: number;
      random: number;
    };
    expect(value.second).toBe(value.first);
    expect(value.random).toBeGreaterThanOrEqual(0);
    expect(value.random).toBeLessThan(1);
  });

  test("env vars reach functions", async () => {
    await t.engine.env.set("GREETING", "hi there");
    expect(await t.query("jobs:env", { name: "GREETING" })).toBe("hi there");
    expect(await t.query("jobs:env", { name: "CONVEX_SITE_URL" })).toBe(
      "http://127.0.0.1:2",
    );
    expect(await t.query("jobs:env", { name: "PATH" })).toBeNull();
    await t.engine.env.remove("GREETING");
    expect(await t.query("jobs:env", { name: "GREETING" })).toBeNull();
  });

  test("action runs mutation and query", async () => {
    expect(await t.action("jobs:viaAction", { author: "actor" })).toBe(1);
  });

  test("http action routed", async () => {
    const response = await t.engine.runHttpAction(
      new Request("http://127.0.0.1:2/hello?name=ann"),
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("hello ann");
    const missing = await t.engine.runHttpAction(
      new Request("http://127.0.0.1:2/nowhere"),
    );
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe("No HttpAction routed for /nowhere");
  });
});

describe("scheduler", () => {
  test("scheduled mutation runs", async () => {
    const id = (await t.mutation("jobs:later", {
      label: "soon",
      delayMs: 0,
    })) as string;
    await expect
      .poll(async () => t.query("jobs:labels"), { timeout: 5000 })
      .toContain("soon");
    await expect
      .poll(async () => t.query("jobs:status", { id }), { timeout: 5000 })
      .toBe("success");
  });

  test("scheduled function logs reported", async () => {
    const reported: { path: string; requestId: string; lines: string[] }[] = [];
    const stop = t.engine.onFunctionLog((path, requestId, lines) => {
      reported.push({ path, requestId, lines });
    });
    try {
      await t.mutation("jobs:later", { label: "logged", delayMs: 0 });
      await expect
        .poll(async () => t.query("jobs:labels"), { timeout: 5000 })
        .toContain("logged");
      const entry = reported.find((report) =>
        report.lines.includes("[LOG] recording logged"),
      );
      expect(entry?.path).toMatch(/^jobs(\.js)?:record$/);
      expect(entry?.requestId).not.toBe("");
    } finally {
      stop();
    }
  });

  test("canceled job never runs", async () => {
    const id = await t.mutation("jobs:later", { label: "never", delayMs: 300 });
    await t.mutation("jobs:cancel", { id });
    expect(await t.query("jobs:status", { id })).toBe("canceled");
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await t.query("jobs:labels")).not.toContain("never");
  });
});
