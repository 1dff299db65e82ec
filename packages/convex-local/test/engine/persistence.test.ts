import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { startTestEngine, type TestEngine } from "./helpers";

let stateDir: string;
let t: TestEngine | undefined;

afterEach(async () => {
  await t?.close();
  t = undefined;
  rmSync(stateDir, { recursive: true, force: true });
});

function freshState() {
  stateDir = mkdtempSync(path.join(tmpdir(), "convex-local-persist-"));
  return stateDir;
}

test("data and timestamps survive restart", async () => {
  t = await startTestEngine("basic-app", { stateDir: freshState() });
  const id = await t.mutation("messages:send", { author: "keep", body: "me" });
  await t.engine.env.set("KEPT", "yes");
  const ts = t.engine.latestTs();
  await t.close();
  t = await startTestEngine("basic-app", { stateDir });
  const rows = (await t.query("messages:byAuthor", { author: "keep" })) as {
    _id: string;
  }[];
  expect(rows.map((row) => row._id)).toEqual([id]);
  // A restart moves the latest timestamp to the wall clock, never back.
  expect(t.engine.latestTs() >= ts).toBe(true);
  expect(await t.query("jobs:env", { name: "KEPT" })).toBe("yes");
  await t.mutation("messages:send", { author: "keep", body: "again" });
  expect(t.engine.latestTs() > ts).toBe(true);
});

test("scheduled job survives restart", async () => {
  t = await startTestEngine("basic-app", { stateDir: freshState() });
  await t.mutation("jobs:later", { label: "after-restart", delayMs: 500 });
  await t.close();
  t = await startTestEngine("basic-app", { stateDir });
  await expect
    .poll(async () => t!.query("jobs:labels"), { timeout: 5000 })
    .toContain("after-restart");
});

test("updates keep one index entry", async () => {
  t = await startTestEngine("basic-app", { stateDir: freshState() });
  for (let i = 0; i < 20; i++) {
    await t.mutation("counters:increment", { name: "steady" });
  }
  expect(await t.query("counters:get", { name: "steady" })).toBe(20);
  await t.close();
  t = undefined;
  const db = new Database(path.join(stateDir, "data.sqlite3"), {
    readonly: true,
  });
  try {
    const row = db
      .prepare(
        `SELECT COUNT(*) AS entries FROM index_entries e
         JOIN indexes i ON i.index_id = e.index_id
         JOIN tables t ON t.table_id = i.table_id
         WHERE t.namespace = '' AND t.name = 'counters' AND i.name = 'by_name'`,
      )
      .get() as { entries: number };
    const versions = db
      .prepare(
        "SELECT COUNT(*) AS versions FROM documents d JOIN tables t ON t.table_id = d.table_id WHERE t.namespace = '' AND t.name = 'counters'",
      )
      .get() as { versions: number };
    expect(row.entries).toBe(1);
    expect(versions.versions).toBe(20);
  } finally {
    db.close();
  }
});
