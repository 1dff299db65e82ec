import { afterEach, expect, test, vi } from "vitest";
import { DocumentStore } from "../../src/storage/document-store";
import { WorkerBatchWriter } from "../../src/storage/commit-writer";
import { encodeKey, MAX_BYTE } from "../../src/storage/key-encoding";
import type { CommitRows } from "../../src/storage/staged-writes";
import { Transaction } from "../../src/transactions/transaction";
import { startTestEngine, type TestEngine } from "./helpers";
import { openStoreFixture, type StoreFixture } from "./store-fixture";

let f: StoreFixture | undefined;
let t: TestEngine | undefined;

afterEach(async () => {
  vi.restoreAllMocks();
  f?.close();
  f = undefined;
  await t?.close();
  t = undefined;
});

const anonymous = { kind: "anonymous" } as const;

/**
 * Begins a transaction whose snapshot is taken at its first read, as the
 * executor begins mutations, and registers it with the committer then.
 */
function beginLazy(fixture: StoreFixture): Transaction {
  return new Transaction(
    fixture.store,
    fixture.catalog,
    () => {
      const ts = fixture.committer.snapshotTs();
      fixture.committer.begin(ts);
      return ts;
    },
    Date.now(),
  );
}

/** Inserts one `items` document with `value` and stages the commit. */
function stageInsert(fixture: StoreFixture, value: number) {
  const tx = fixture.begin();
  const doc = fixture.item(value);
  tx.insert(fixture.table, doc);
  const staged = fixture.committer.stage(tx, `insert ${value}`);
  fixture.committer.end(tx.snapshotTs);
  if (!staged.ok) throw new Error("expected the insert to stage");
  return { id: doc._id as string, staged };
}

/** Sets the `value` of document `id` and stages the commit. */
function stageUpdate(fixture: StoreFixture, id: string, value: number) {
  const tx = fixture.begin();
  tx.update(fixture.table, id, { ...tx.get(fixture.table, id)!, value });
  const staged = fixture.committer.stage(tx, `update ${value}`);
  fixture.committer.end(tx.snapshotTs);
  if (!staged.ok) throw new Error("expected the update to stage");
  return staged;
}

test("snapshot is taken at the first read", () => {
  f = openStoreFixture();
  const { id } = stageInsert(f, 0);
  const lazy = beginLazy(f);
  const earlier = stageUpdate(f, id, 1);
  expect(lazy.hasSnapshot).toBe(false);

  const doc = lazy.get(f.table, id)!;
  expect(lazy.hasSnapshot).toBe(true);
  expect(lazy.snapshotTs).toBe(earlier.ts);
  expect(doc.value).toBe(1);

  // The commit before the first read is ordered before this transaction,
  // so writing the document it read does not conflict.
  lazy.update(f.table, id, { ...doc, value: 2 });
  const result = f.committer.stage(lazy, "lazy");
  f.committer.end(lazy.snapshotTs);
  expect(result.ok).toBe(true);
  if (!result.ok) return;
  expect(f.valuesAt(result.ts)).toEqual([2]);
});

test("commit after the first read conflicts", () => {
  f = openStoreFixture();
  const { id } = stageInsert(f, 0);
  const lazy = beginLazy(f);
  const doc = lazy.get(f.table, id)!;
  stageUpdate(f, id, 1);

  lazy.update(f.table, id, { ...doc, value: 2 });
  const result = f.committer.stage(lazy, "lazy");
  f.committer.end(lazy.snapshotTs);
  expect(result).toMatchObject({
    ok: false,
    conflict: { writer: "update 1", write: { id } },
  });
});

test("index scan takes its snapshot at next", () => {
  f = openStoreFixture();
  stageInsert(f, 1);
  const lazy = beginLazy(f);
  const index = f.table.indexes.get("by_value")!;
  const scan = lazy.scan(
    f.table,
    index,
    encodeKey([]),
    Buffer.from([MAX_BYTE]),
    "asc",
  );
  const earlier = stageInsert(f, 2);
  expect(lazy.hasSnapshot).toBe(false);

  const values: unknown[] = [];
  for (let entry = scan.next(); entry; entry = scan.next()) {
    values.push(entry.doc.value);
  }
  expect(values).toEqual([1, 2]);
  expect(lazy.snapshotTs).toBe(earlier.staged.ts);

  // An insert into the scanned range after the snapshot is a phantom.
  const phantom = stageInsert(f, 3);
  lazy.insert(f.table, f.item(4));
  const result = f.committer.stage(lazy, "lazy");
  f.committer.end(lazy.snapshotTs);
  expect(result).toMatchObject({
    ok: false,
    conflict: { writer: "insert 3", write: { id: phantom.id } },
  });
});

test("blind write takes its snapshot at commit", () => {
  f = openStoreFixture();
  const lazy = beginLazy(f);
  lazy.insert(f.table, f.item(5));
  const earlier = stageInsert(f, 6);
  expect(lazy.hasSnapshot).toBe(false);

  const result = f.committer.stage(lazy, "lazy");
  expect(lazy.snapshotTs).toBe(earlier.staged.ts);
  f.committer.end(lazy.snapshotTs);
  expect(result.ok).toBe(true);
  if (!result.ok) return;
  expect(f.valuesAt(result.ts)).toEqual([5, 6]);
});

test("snapshot of a lost commit fails", async () => {
  f = openStoreFixture();
  const { id, staged: seed } = stageInsert(f, 0);
  await seed.durable;
  vi.spyOn(DocumentStore.prototype, "commit").mockImplementationOnce(() => {
    throw new Error("disk I/O error");
  });
  const lazy = beginLazy(f);
  const lost = stageUpdate(f, id, 1);
  // The first read comes after the update was staged, so it reads it.
  const doc = lazy.get(f.table, id)!;
  expect(doc.value).toBe(1);
  lazy.update(f.table, id, { ...doc, value: 2 });

  await expect(lost.durable).rejects.toThrow("disk I/O error");
  expect(() => f!.committer.stage(lazy, "lazy")).toThrow(
    /SQLite transaction failed/,
  );
  f.committer.end(lazy.snapshotTs);
  expect(f.valuesAt(f.store.latestTs())).toEqual([0]);
});

/** Runs a mutation on the test engine as an anonymous caller. */
function runMutation(path: string, args: Record<string, string | number>) {
  return t!.engine.runMutation({ path, args, caller: anonymous });
}

test("late first read does not conflict", async () => {
  t = await startTestEngine("basic-app");
  await t.mutation("counters:increment", { name: "late" });
  const [late, early] = await Promise.all([
    runMutation("counters:incrementAfterWaits", { name: "late", waits: 20 }),
    runMutation("counters:increment", { name: "late" }),
  ]);
  expect(late.ok).toBe(true);
  expect(early.ok).toBe(true);
  expect(late.ts > early.ts).toBe(true);
  expect(await t.query("counters:get", { name: "late" })).toBe(3);
  expect(t.engine.insights()).toEqual([]);
});

test("hot document still conflicts", async () => {
  t = await startTestEngine("basic-app");
  await t.mutation("counters:increment", { name: "hot" });
  // The slow mutation reads first and then yields while the other commits.
  const [slow, fast] = await Promise.all([
    runMutation("counters:slowIncrement", { name: "hot", yields: 20 }),
    runMutation("counters:increment", { name: "hot" }),
  ]);
  expect(slow.ok).toBe(true);
  expect(fast.ok).toBe(true);
  expect(await t.query("counters:get", { name: "hot" })).toBe(3);
  const retried = t.engine
    .insights()
    .find((insight) => insight.kind === "occRetried");
  expect(retried?.functionPath).toBe("counters:slowIncrement");
  expect(retried?.recentEvents[0]?.occ_write_source).toBe("counters:increment");
});

/**
 * Holds the next SQLite write until `release` settles it: `written`
 * resolves once the batch reached SQLite's writer.
 */
/**
 * Holds the commit worker's writes until `release`, which lets them run in
 * order or fails the first. Like the worker, a write sent after a failed
 * one fails too until the engine resumes the writer.
 */
function holdNextWrite() {
  let reached!: () => void;
  const written = new Promise<void>((resolve) => (reached = resolve));
  let settle!: (error?: Error) => void;
  const gate = new Promise<void>((resolve, reject) => {
    settle = (error) => (error ? reject(error) : resolve());
  });
  const write = WorkerBatchWriter.prototype.write;
  const resume = WorkerBatchWriter.prototype.resume;
  let queue: Promise<unknown> = gate;
  let failedEarlier = false;
  vi.spyOn(WorkerBatchWriter.prototype, "write").mockImplementation(function (
    this: WorkerBatchWriter,
    commits: CommitRows[],
    lastTs: bigint,
  ) {
    reached();
    const result = queue.then(() => {
      if (failedEarlier) throw new Error("An earlier group commit failed");
      return write.call(this, commits, lastTs);
    });
    queue = result.catch(() => (failedEarlier = true));
    return result;
  });
  vi.spyOn(WorkerBatchWriter.prototype, "resume").mockImplementation(function (
    this: WorkerBatchWriter,
  ) {
    queue = queue.then(() => {
      failedEarlier = false;
      resume.call(this);
    });
  });
  return { written, release: settle };
}

/** Lets the engine run until `promise` settles or `turns` turns passed. */
async function settledWithin(promise: Promise<unknown>, turns: number) {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let i = 0; i < turns && !settled; i++) {
    await new Promise((resolve) => setImmediate(resolve));
  }
  return settled;
}

test("staged writes stay hidden until durable", async () => {
  t = await startTestEngine("basic-app");
  await t.mutation("counters:increment", { name: "held" });
  const announced: bigint[] = [];
  t.engine.onCommit((commit) => announced.push(commit.ts));
  const write = holdNextWrite();
  const staged = vi.spyOn(DocumentStore.prototype, "stage");

  const first = runMutation("counters:increment", { name: "held" });
  await write.written;
  // A mutation after the staged commit reads it and stages on top of it.
  const second = runMutation("counters:increment", { name: "held" });
  expect(await settledWithin(second, 50)).toBe(false);
  expect(staged).toHaveBeenCalledTimes(2);
  expect(await settledWithin(first, 1)).toBe(false);
  expect(await t.query("counters:get", { name: "held" })).toBe(1);
  expect(announced).toEqual([]);

  write.release();
  const [firstResult, secondResult] = await Promise.all([first, second]);
  expect(firstResult.ok).toBe(true);
  expect(secondResult.ok).toBe(true);
  expect(await t.query("counters:get", { name: "held" })).toBe(3);
  expect(announced).toHaveLength(2);
  expect(t.engine.insights()).toEqual([]);
});

test("failed write fails mutations that read it", async () => {
  t = await startTestEngine("basic-app");
  await t.mutation("counters:increment", { name: "lost" });
  const write = holdNextWrite();
  const staged = vi.spyOn(DocumentStore.prototype, "stage");

  const first = runMutation("counters:increment", { name: "lost" });
  await write.written;
  const second = runMutation("counters:increment", { name: "lost" });
  expect(await settledWithin(second, 50)).toBe(false);
  // The second increment read the first one's staged write.
  expect(staged).toHaveBeenCalledTimes(2);

  write.release(new Error("disk I/O error"));
  const outcomes = await Promise.allSettled([first, second]);
  expect(outcomes[0]!.status).toBe("rejected");
  expect(outcomes[1]!.status).toBe("rejected");
  expect(await t.query("counters:get", { name: "lost" })).toBe(1);
  expect((await runMutation("counters:increment", { name: "lost" })).ok).toBe(
    true,
  );
  expect(await t.query("counters:get", { name: "lost" })).toBe(2);
});
