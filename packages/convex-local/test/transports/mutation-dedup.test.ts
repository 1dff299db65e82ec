import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, expect, test } from "vitest";
import { startApiServer } from "../../src/http/api-server.js";
import { SqliteMutationResults } from "../../src/sync/mutation-store.js";
import { startTestEngine } from "../engine/helpers.js";
import { connectMessage, memoryLogger, RawSyncClient } from "./harness.js";

const stateDir = mkdtempSync(path.join(tmpdir(), "convex-local-dedup-"));

afterAll(() => {
  rmSync(stateDir, { recursive: true, force: true });
});

/** Starts the backend on the shared state folder and sends one mutation. */
async function sendOnce(sessionId: string, requestId: number) {
  const t = await startTestEngine("fidelity-app", { stateDir });
  const server = await startApiServer({
    engine: t.engine,
    port: 0,
    logger: memoryLogger(),
  });
  try {
    const client = await RawSyncClient.connect(server.port);
    client.send(connectMessage(sessionId));
    client.send({
      type: "Mutation",
      requestId,
      udfPath: "notes:add",
      args: [{ body: "once", clinic: "dedup" }],
    });
    const response = await client.next("MutationResponse");
    client.close();
    await client.closed;
    const count = await t.query("errors:count");
    return { response, count };
  } finally {
    await server.close();
    await t.close();
  }
}

test("re-sent mutation after restart runs once", async () => {
  const session = "00000000-0000-4000-8000-00000000d001";
  const first = await sendOnce(session, 7);
  expect(first.response.success).toBe(true);
  expect(first.count).toBe(1);

  const replay = await sendOnce(session, 7);
  expect(replay.response.success).toBe(true);
  expect(replay.response.result).toBe(first.response.result);
  expect(replay.response.ts).toBe(first.response.ts);
  expect(replay.count).toBe(1);

  const other = await sendOnce(session, 8);
  expect(other.response.result).not.toBe(first.response.result);
  expect(other.count).toBe(2);
});

test("mutation results expire and prune", () => {
  const db = new Database(":memory:");
  let now = 1_000_000;
  const store = new SqliteMutationResults(db, 60_000, () => now);
  const result = { ok: true as const, value: "v", logLines: [], ts: 42n };
  store.put("s|1", result);
  expect(store.get("s|1")).toEqual(result);
  expect(store.get("s|2")).toBeUndefined();

  now += 60_001;
  expect(store.get("s|1")).toBeUndefined();
  expect(store.prune()).toBe(1);
  db.close();
});
