import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, expect, test, vi } from "vitest";
import {
  DocumentStore,
  type StoredCommit,
} from "../../src/storage/document-store";
import { newInternalId, encodeId } from "../../src/ids";
import { Catalog } from "../../src/storage/catalog";
import { openDatabase } from "../../src/storage/database";
import { Committer } from "../../src/transactions/committer";
import { Transaction } from "../../src/transactions/transaction";
import { startTestEngine, type TestEngine } from "./helpers";

let t: TestEngine | undefined;
let stateDir: string | undefined;

afterEach(async () => {
  vi.restoreAllMocks();
  await t?.close();
  t = undefined;
  if (stateDir) rmSync(stateDir, { recursive: true, force: true });
  stateDir = undefined;
});

const anonymous = { kind: "anonymous" } as const;
const silent = { info() {}, warn() {}, error() {} };

/** Records every batch the document store writes in one SQLite transaction. */
function recordBatches(): StoredCommit[][] {
  const batches: StoredCommit[][] = [];
  const original = DocumentStore.prototype.commit;
  vi.spyOn(DocumentStore.prototype, "commit").mockImplementation(function (
    this: DocumentStore,
    commits: StoredCommit[],
  ) {
    batches.push([...commits]);
    return original.call(this, commits);
  });
  return batches;
}

function send(engine: TestEngine["engine"], body: string) {
  return engine.runMutation({
    path: "messages:send",
    args: { author: "batch", body },
    caller: anonymous,
  });
}

test("concurrent inserts share SQLite transactions", async () => {
  t = await startTestEngine("basic-app");
  const batches = recordBatches();
  const committed: bigint[] = [];
  t.engine.onCommit((commit) => committed.push(commit.ts));
  const seenAtResolve: boolean[] = [];
  const results = await Promise.all(
    Array.from({ length: 40 }, (_, i) =>
      send(t!.engine, `m${i}`).then((result) => {
        seenAtResolve.push(committed.includes(result.ts));
        return result;
      }),
    ),
  );
  expect(results.every((result) => result.ok)).toBe(true);
  expect(batches.length).toBeLessThan(40);
  expect(batches.flat()).toHaveLength(40);
  expect(Math.max(...batches.map((batch) => batch.length))).toBeGreaterThan(1);
  // Every mutation saw its commit announced before it resolved.
  expect(seenAtResolve.every(Boolean)).toBe(true);
  const stamps = results.map((result) => result.ts);
  expect(new Set(stamps).size).toBe(40);
  expect(committed).toHaveLength(40);
  for (let i = 1; i < committed.length; i++) {
    expect(committed[i]! > committed[i - 1]!, `commit ${i}`).toBe(true);
  }
  const rows = (await t.query("messages:byAuthor", {
    author: "batch",
  })) as unknown[];
  expect(rows).toHaveLength(40);
});

test("conflict in a batch fails only the loser", async () => {
  stateDir = mkdtempSync(path.join(tmpdir(), "convex-local-group-"));
  const db = openDatabase(stateDir);
  try {
    const catalog = new Catalog(db);
    const store = new DocumentStore(db, catalog);
    const committer = new Committer(store, silent);
    const table = catalog.ensureTable("", "items");
    const begin = () => {
      const tx = new Transaction(store, catalog, store.latestTs(), Date.now());
      committer.begin(tx.snapshotTs);
      return tx;
    };
    const item = (value: number) => ({
      _id: encodeId(table.number, newInternalId()),
      _creationTime: Date.now(),
      value,
    });
    const seed = begin();
    const shared = item(0);
    seed.insert(table, shared);
    expect((await committer.commit(seed, "seed")).ok).toBe(true);
    const id = shared._id;

    const batches = recordBatches();
    const announced: string[] = [];
    committer.onCommit((commit) => announced.push(commit.writer));
    const [first, second, third] = [begin(), begin(), begin()];
    for (const [tx, value] of [
      [first, 1],
      [second, 2],
    ] as const) {
      const doc = tx.get(table, id)!;
      tx.update(table, id, { ...doc, value });
    }
    third.insert(table, item(3));
    const results = await Promise.all([
      committer.commit(first, "first"),
      committer.commit(second, "second"),
      committer.commit(third, "third"),
    ]);

    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(2);
    expect(results[0]!.ok).toBe(true);
    expect(results[1]).toMatchObject({
      ok: false,
      conflict: { writer: "first", write: { id } },
    });
    expect(results[2]!.ok).toBe(true);
    const [firstTs, thirdTs] = [results[0], results[2]].map((result) =>
      result!.ok ? result!.ts : -1n,
    );
    expect(thirdTs! > firstTs!).toBe(true);
    expect(store.latestTs()).toBe(thirdTs);
    expect(announced).toEqual(["first", "third"]);
    expect(store.get(table.tableId, id, thirdTs!)?.value).toBe(1);
  } finally {
    db.close();
  }
});

test("failed SQLite transaction rejects the whole batch", async () => {
  t = await startTestEngine("basic-app");
  const before = t.engine.latestTs();
  vi.spyOn(DocumentStore.prototype, "commit").mockImplementationOnce(() => {
    throw new Error("disk I/O error");
  });
  const outcomes = await Promise.allSettled(
    Array.from({ length: 4 }, (_, i) => send(t!.engine, `f${i}`)),
  );
  for (const outcome of outcomes) {
    expect(outcome.status).toBe("rejected");
  }
  expect(t.engine.latestTs()).toBe(before);
  expect(await t.query("messages:byAuthor", { author: "batch" })).toEqual([]);
  const after = await send(t.engine, "after");
  expect(after.ok).toBe(true);
  expect(after.ts > before).toBe(true);
});
