import { rmSync } from "node:fs";
import Database from "better-sqlite3";
import { afterEach, expect, test } from "vitest";
import { WorkerBatchWriter } from "../../src/storage/commit-writer";
import { DocumentStore } from "../../src/storage/document-store";
import { Catalog } from "../../src/storage/catalog";
import { startTestEngine, type TestEngine } from "./helpers";
import {
  insertOne,
  openStoreFixture,
  type StoreFixture,
} from "./store-fixture";

let t: TestEngine | undefined;
let f: StoreFixture | undefined;
let writer: WorkerBatchWriter | undefined;

afterEach(async () => {
  await writer?.close();
  writer = undefined;
  f?.close();
  f = undefined;
  if (t) {
    await t.close();
    rmSync(t.stateDir, { recursive: true, force: true });
  }
  t = undefined;
});

const anonymous = { kind: "anonymous" } as const;
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Makes every SQLite transaction that writes a document containing
 * `marker` fail. The trigger is in the file, so the commit worker's own
 * connection runs it.
 */
function poisonDocuments(file: string, marker: string) {
  const db = new Database(file);
  db.exec(
    `CREATE TRIGGER poison BEFORE INSERT ON documents
     WHEN NEW.json LIKE '%${marker}%'
     BEGIN SELECT RAISE(ABORT, 'injected write failure'); END`,
  );
  db.close();
}

async function outcome(durable: Promise<void>): Promise<string> {
  try {
    await durable;
    return "durable";
  } catch (error) {
    return (error as Error).message;
  }
}

test("worker failure fails its batch and later ones", async () => {
  f = openStoreFixture();
  writer = new WorkerBatchWriter(f.db.name);
  f.store.useWriter(writer);
  poisonDocuments(f.db.name, "666");

  // The failing batch is sent while the first one is in flight. The
  // third commit is staged while the failing batch is in flight.
  const first = insertOne(f, 1);
  await nextTurn();
  const failing = insertOne(f, 666);
  await nextTurn();
  const later = insertOne(f, 3);

  expect(await outcome(first.durable)).toBe("durable");
  expect(await outcome(failing.durable)).toBe("injected write failure");
  // Its snapshot included the lost commit, so it fails too.
  expect(await outcome(later.durable)).not.toBe("durable");
  expect(f.store.latestTs()).toBe(first.ts);

  const retry = insertOne(f, 4);
  expect(await outcome(retry.durable)).toBe("durable");
  expect(f.valuesAt(retry.ts)).toEqual([1, 4]);

  // A fresh store on the same file reads only the durable commits.
  const reopened = new DocumentStore(f.db, new Catalog(f.db));
  expect(reopened.latestTs()).toBe(retry.ts);
  expect(f.rows("documents")).toBe(2);
});

test("repeated worker failures keep later commits working", async () => {
  t = await startTestEngine("basic-app");
  poisonDocuments(`${t.stateDir}/data.sqlite3`, "poison");
  const send = (body: string) =>
    t!.engine
      .runMutation({
        path: "messages:send",
        args: { author: "worker", body },
        caller: anonymous,
      })
      .then(
        (result) => result.ok,
        () => false,
      );
  for (let round = 0; round < 5; round++) {
    const failing = await Promise.all([
      send(`poison ${round}`),
      send(`with poison ${round}`),
    ]);
    expect(failing).toEqual([false, false]);
    expect(await send(`ok ${round}`), `round ${round}`).toBe(true);
  }
  const rows = (await t.query("messages:byAuthor", {
    author: "worker",
  })) as { body: string }[];
  expect(rows.map((row) => row.body).sort()).toEqual(
    ["ok 0", "ok 1", "ok 2", "ok 3", "ok 4"].sort(),
  );
});

test("writer starts a new worker after its worker exited", async () => {
  f = openStoreFixture();
  writer = new WorkerBatchWriter(f.db.name);
  f.store.useWriter(writer);
  const worker = (
    writer as unknown as { worker: { terminate(): Promise<number> } }
  ).worker;
  await worker.terminate();

  const staged = insertOne(f, 7);
  const timeout = new Promise<string>((resolve) =>
    setTimeout(resolve, 5000, "timed out"),
  );
  expect(await Promise.race([outcome(staged.durable), timeout])).toBe(
    "durable",
  );
  expect(f.valuesAt(staged.ts)).toEqual([7]);
  expect(f.rows("documents")).toBe(1);
});
