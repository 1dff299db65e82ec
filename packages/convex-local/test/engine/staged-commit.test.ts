import { afterEach, expect, test, vi } from "vitest";
import type { BatchWriter } from "../../src/storage/commit-writer";
import { DocumentStore } from "../../src/storage/document-store";
import {
  EARLY_BATCH_COMMITS,
  MAX_BATCHES_IN_FLIGHT,
} from "../../src/transactions/committer";
import {
  insertOne,
  openStoreFixture,
  type StoreFixture,
} from "./store-fixture";

let f: StoreFixture | undefined;

afterEach(() => {
  vi.restoreAllMocks();
  f?.close();
  f = undefined;
});

test("next snapshot includes a staged commit", async () => {
  f = openStoreFixture();
  const writer = f.begin();
  const doc = f.item(7);
  writer.insert(f.table, doc);
  const staged = f.committer.stage(writer, "writer");
  f.committer.end(writer.snapshotTs);
  expect(staged.ok).toBe(true);
  if (!staged.ok) return;

  expect(f.store.latestTs() < staged.ts).toBe(true);
  expect(f.committer.snapshotTs()).toBe(staged.ts);
  const reader = f.begin();
  expect(reader.get(f.table, doc._id as string)?.value).toBe(7);
  expect(f.valuesAt(staged.ts)).toEqual([7]);
  // A read at the durable timestamp does not see the staged commit.
  expect(f.valuesAt(f.store.latestTs())).toEqual([]);

  await staged.durable;
  expect(f.store.latestTs()).toBe(staged.ts);
  expect(f.valuesAt(staged.ts)).toEqual([7]);
});

test("staged patch hides the old index key", async () => {
  f = openStoreFixture();
  const seed = f.begin();
  const doc = f.item(1);
  seed.insert(f.table, doc);
  await f.committer.commit(seed, "seed");
  f.committer.end(seed.snapshotTs);

  const patcher = f.begin();
  const id = doc._id as string;
  patcher.update(f.table, id, { ...patcher.get(f.table, id)!, value: 5 });
  const other = f.item(3);
  patcher.insert(f.table, other);
  const staged = f.committer.stage(patcher, "patcher");
  f.committer.end(patcher.snapshotTs);
  if (!staged.ok) throw new Error("expected the patch to stage");

  expect(f.valuesAt(staged.ts)).toEqual([3, 5]);
  expect(f.valuesAt(f.store.latestTs())).toEqual([1]);
  await staged.durable;
  expect(f.valuesAt(staged.ts)).toEqual([3, 5]);
});

test("conflict with a staged commit", () => {
  f = openStoreFixture();
  const seed = f.begin();
  const doc = f.item(0);
  seed.insert(f.table, doc);
  f.committer.stage(seed, "seed");
  f.committer.end(seed.snapshotTs);
  const id = doc._id as string;

  const [first, second] = [f.begin(), f.begin()];
  for (const [tx, value] of [
    [first, 1],
    [second, 2],
  ] as const) {
    tx.update(f.table, id, { ...tx.get(f.table, id)!, value });
  }
  expect(f.committer.stage(first, "first").ok).toBe(true);
  const lost = f.committer.stage(second, "second");
  expect(lost).toMatchObject({
    ok: false,
    conflict: { writer: "first", write: { id } },
  });
});

test("read-only commit waits for staged data", async () => {
  f = openStoreFixture();
  const writer = f.begin();
  writer.insert(f.table, f.item(4));
  const staged = f.committer.stage(writer, "writer");
  const reader = f.begin();
  const readOnly = f.committer.stage(reader, "reader");
  if (!staged.ok || !readOnly.ok) throw new Error("expected both to stage");
  let readerDurable = false;
  void readOnly.durable.then(() => (readerDurable = true));
  await Promise.resolve();
  expect(readerDurable).toBe(false);
  await staged.durable;
  await readOnly.durable;
  expect(readerDurable).toBe(true);
});

test("failed write discards staged commits", async () => {
  f = openStoreFixture();
  const durableBefore = f.store.latestTs();
  vi.spyOn(DocumentStore.prototype, "commit").mockImplementationOnce(() => {
    throw new Error("disk I/O error");
  });
  const writer = f.begin();
  writer.insert(f.table, f.item(9));
  const staged = f.committer.stage(writer, "writer");
  f.committer.end(writer.snapshotTs);
  if (!staged.ok) throw new Error("expected the insert to stage");
  // This transaction read the staged commit that is about to be lost.
  const dependent = f.begin();
  dependent.insert(f.table, f.item(10));

  await expect(staged.durable).rejects.toThrow("disk I/O error");
  expect(f.store.latestTs()).toBe(durableBefore);
  expect(f.committer.snapshotTs()).toBe(durableBefore);
  expect(f.valuesAt(staged.ts)).toEqual([]);
  expect(() => f!.committer.stage(dependent, "dependent")).toThrow(
    /SQLite transaction failed/,
  );

  const retry = f.begin();
  retry.insert(f.table, f.item(11));
  const result = await f.committer.commit(retry, "retry");
  expect(result.ok).toBe(true);
  if (result.ok) expect(result.ts > staged.ts).toBe(true);
  expect(f.valuesAt(f.store.latestTs())).toEqual([11]);
});

/** A batch writer whose writes settle only when the test settles them. */
function manualWriter() {
  const writes: {
    size: number;
    resolve: () => void;
    reject: (error: Error) => void;
  }[] = [];
  const resumed = { count: 0 };
  const writer: BatchWriter = {
    write: (commits) =>
      new Promise<void>((resolve, reject) => {
        writes.push({ size: commits.length, resolve, reject });
      }),
    resume: () => {
      resumed.count += 1;
    },
    close: async () => {},
  };
  return { writer, writes, resumed };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

test("full writer makes later commits wait", async () => {
  f = openStoreFixture();
  const { writer, writes } = manualWriter();
  f.store.useWriter(writer);
  // Each turn stages one commit, and the writer takes it at once while
  // fewer than the maximum of batches are in flight.
  const sent = [];
  for (let i = 1; i <= MAX_BATCHES_IN_FLIGHT; i++) {
    sent.push(insertOne(f, i));
    await nextTurn();
    expect(writes).toHaveLength(i);
  }

  // The next commits wait until one of the batches is durable.
  const waiting = [
    insertOne(f, MAX_BATCHES_IN_FLIGHT + 1),
    insertOne(f, MAX_BATCHES_IN_FLIGHT + 2),
  ];
  await nextTurn();
  expect(writes).toHaveLength(MAX_BATCHES_IN_FLIGHT);
  expect(f.valuesAt(waiting[1]!.ts)).toHaveLength(MAX_BATCHES_IN_FLIGHT + 2);

  writes[0]!.resolve();
  await sent[0]!.durable;
  expect(f.store.latestTs()).toBe(sent[0]!.ts);
  await nextTurn();
  expect(writes).toHaveLength(MAX_BATCHES_IN_FLIGHT + 1);
  expect(writes[MAX_BATCHES_IN_FLIGHT]!.size).toBe(2);

  for (const write of writes.slice(1)) write.resolve();
  await Promise.all([...sent, ...waiting].map((commit) => commit.durable));
  expect(f.store.latestTs()).toBe(waiting[1]!.ts);
});

test("enough staged commits go out before the turn ends", async () => {
  f = openStoreFixture();
  const { writer, writes } = manualWriter();
  f.store.useWriter(writer);
  for (let i = 1; i < EARLY_BATCH_COMMITS; i++) insertOne(f, i);
  expect(writes).toHaveLength(0);

  insertOne(f, EARLY_BATCH_COMMITS);
  expect(writes).toHaveLength(1);
  expect(writes[0]!.size).toBe(EARLY_BATCH_COMMITS);

  // A commit staged after the early batch waits for the end of the turn.
  insertOne(f, EARLY_BATCH_COMMITS + 1);
  expect(writes).toHaveLength(1);
  await nextTurn();
  expect(writes).toHaveLength(2);
  expect(writes[1]!.size).toBe(1);
  for (const write of writes) write.resolve();
});

test("failed write fails the batch after it and later staged commits", async () => {
  f = openStoreFixture();
  const { writer, writes, resumed } = manualWriter();
  f.store.useWriter(writer);
  const first = insertOne(f, 1);
  await nextTurn();
  const second = insertOne(f, 2);
  await nextTurn();
  const third = insertOne(f, 3);
  expect(writes).toHaveLength(2);
  const outcomes = Promise.allSettled([
    first.durable,
    second.durable,
    third.durable,
  ]);

  writes[0]!.reject(new Error("disk full"));
  // The writer rejects the batch sent after a failed one.
  writes[1]!.reject(new Error("An earlier group commit failed"));
  const settled = await outcomes;

  expect(settled.map((outcome) => outcome.status)).toEqual([
    "rejected",
    "rejected",
    "rejected",
  ]);
  expect(resumed.count).toBe(1);
  expect(f.committer.snapshotTs()).toBe(f.store.latestTs());
  expect(f.valuesAt(third.ts)).toEqual([]);
  expect(writes).toHaveLength(2);

  const retry = insertOne(f, 4);
  await nextTurn();
  expect(writes).toHaveLength(3);
  writes[2]!.resolve();
  await retry.durable;
  expect(f.store.latestTs()).toBe(retry.ts);
});
