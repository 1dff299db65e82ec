import Database from "better-sqlite3";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { RetentionTask } from "../../src/storage/retention";
import type { Transaction } from "../../src/transactions/transaction";
import { openStoreFixture, type StoreFixture } from "./store-fixture";
import { startTestEngine, type TestEngine } from "./helpers";

let f: StoreFixture | undefined;
let t: TestEngine | undefined;

afterEach(async () => {
  f?.close();
  f = undefined;
  await t?.close();
  t = undefined;
});

/** A cleanup task over the fixture with the given window. */
function task(fixture: StoreFixture, retentionMs = 0) {
  return new RetentionTask(
    fixture.db,
    {
      latestTs: () => fixture.store.latestTs(),
      oldestActiveSnapshot: () => fixture.committer.oldestActiveSnapshot(),
      setHorizon: (ts) => fixture.store.setHorizon(ts),
    },
    retentionMs,
    (error) => {
      throw error;
    },
  );
}

/**
 * Runs one cleanup pass once the wall clock has passed the latest commit.
 * Commit timestamps are wall-clock nanoseconds, and a window of 0 ms puts
 * the horizon at the current millisecond, so the commits of that
 * millisecond would otherwise stay.
 */
async function cleanUp(fixture: StoreFixture, retentionMs = 0) {
  const lastCommitMs = Number(fixture.store.latestTs() / 1_000_000n);
  while (Date.now() <= lastCommitMs) {
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  return task(fixture, retentionMs).runPass();
}

async function commit(fixture: StoreFixture, tx: Transaction) {
  const result = await fixture.committer.commit(tx, "test");
  fixture.committer.end(tx.snapshotTs);
  if (!result.ok) throw new Error("unexpected conflict");
  return result.ts;
}

/**
 * Inserts one document and patches it `patches` times, each in its own
 * commit. The commits are staged one after another and share one fsync.
 */
async function patchRepeatedly(fixture: StoreFixture, patches: number) {
  const stage = (tx: Transaction) => {
    const result = fixture.committer.stage(tx, "test");
    fixture.committer.end(tx.snapshotTs);
    if (!result.ok) throw new Error("unexpected conflict");
    return result.durable;
  };
  const insert = fixture.begin();
  const doc = fixture.item(0);
  insert.insert(fixture.table, doc);
  let durable = stage(insert);
  const id = doc._id as string;
  for (let value = 1; value <= patches; value++) {
    const tx = fixture.begin();
    tx.update(fixture.table, id, { ...tx.get(fixture.table, id)!, value });
    durable = stage(tx);
  }
  await durable;
  return id;
}

test("cleanup keeps only the latest version", async () => {
  f = openStoreFixture();
  const id = await patchRepeatedly(f, 5);
  expect(f.rows("documents")).toBe(6);
  const entriesBefore = f.rows("index_entries");

  const stats = await cleanUp(f);

  expect(stats.documents).toBe(5);
  expect(f.rows("documents")).toBe(1);
  expect(f.rows("index_entries")).toBeLessThan(entriesBefore);
  expect(stats.indexEntries).toBe(entriesBefore - f.rows("index_entries"));
  const latest = f.store.latestTs();
  expect(f.store.get(f.table.tableId, id, latest)?.value).toBe(5);
  expect(f.valuesAt(latest)).toEqual([5]);
});

test("cleanup keeps what a live snapshot reads", async () => {
  f = openStoreFixture();
  const id = await patchRepeatedly(f, 1);
  const reader = f.begin();
  const id2 = await patchRepeatedly(f, 0);
  const writer = f.begin();
  writer.update(f.table, id, { ...writer.get(f.table, id)!, value: 8 });
  await commit(f, writer);

  await cleanUp(f);

  expect(reader.get(f.table, id)?.value).toBe(1);
  expect(f.valuesAt(reader.snapshotTs)).toEqual([1]);
  expect(f.valuesAt(f.store.latestTs())).toEqual([0, 8]);
  expect(f.store.get(f.table.tableId, id2, f.store.latestTs())?.value).toBe(0);

  f.committer.end(reader.snapshotTs);
  const stats = await cleanUp(f);
  expect(stats.documents).toBe(1);
  expect(f.valuesAt(f.store.latestTs())).toEqual([0, 8]);
});

test("cleanup removes deleted documents", async () => {
  f = openStoreFixture();
  const id = await patchRepeatedly(f, 2);
  const remover = f.begin();
  remover.get(f.table, id);
  remover.update(f.table, id, null);
  await commit(f, remover);

  await cleanUp(f);

  expect(f.rows("documents")).toBe(0);
  expect(f.rows("index_entries")).toBe(0);
  expect(f.store.get(f.table.tableId, id, f.store.latestTs())).toBeNull();
  expect(f.valuesAt(f.store.latestTs())).toEqual([]);
});

test("cleanup spans many batches", async () => {
  f = openStoreFixture();
  const id = await patchRepeatedly(f, 4500);
  await patchRepeatedly(f, 3);

  const stats = await cleanUp(f);

  expect(stats.documents).toBe(4503);
  expect(f.rows("documents")).toBe(2);
  expect(f.store.get(f.table.tableId, id, f.store.latestTs())?.value).toBe(
    4500,
  );
  expect(f.valuesAt(f.store.latestTs())).toEqual([3, 4500]);
});

test("retention window keeps recent history", async () => {
  f = openStoreFixture();
  await patchRepeatedly(f, 3);
  const stats = await cleanUp(f, 60_000);
  expect(stats).toEqual({ documents: 0, indexEntries: 0 });
  expect(f.rows("documents")).toBe(4);
});

test("read before the horizon fails", async () => {
  f = openStoreFixture();
  const id = await patchRepeatedly(f, 1);
  const old = f.store.latestTs() - 1n;
  await cleanUp(f);
  expect(() => f!.store.get(f!.table.tableId, id, old)).toThrow(
    /older than the retention horizon/,
  );
});

test("engine cleanup during a mutation", async () => {
  t = await startTestEngine("basic-app", { retentionMs: 0 });
  let lastCommitTs = 0n;
  for (let i = 0; i < 20; i++) {
    const increment = await t.engine.runMutation({
      path: "counters:increment",
      args: { name: "gc" },
      caller: { kind: "admin" },
    });
    if (!increment.ok) throw new Error(increment.errorMessage);
    lastCommitTs = increment.ts;
  }
  // As in `cleanUp`, the horizon must pass the last increment's commit.
  while (Date.now() <= Number(lastCommitTs / 1_000_000n)) {
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  const db = new Database(path.join(t.stateDir, "data.sqlite3"), {
    readonly: true,
  });
  try {
    const versions = () =>
      (db.prepare("SELECT COUNT(*) AS n FROM documents").get() as { n: number })
        .n;
    const before = versions();
    // The slow mutation keeps its snapshot while the cleanup runs.
    const slow = t.engine.runMutation({
      path: "counters:slowIncrement",
      args: { name: "gc", yields: 20 },
      caller: { kind: "admin" },
    });
    const stats = await t.engine.cleanUpHistory();
    const result = await slow;

    expect(result.ok).toBe(true);
    expect(before).toBe(20);
    expect(stats.documents).toBe(19);
    // The latest version before the cleanup and the slow mutation's patch.
    expect(versions()).toBe(2);
    expect(await t.query("counters:get", { name: "gc" })).toBe(21);
  } finally {
    db.close();
  }
});
