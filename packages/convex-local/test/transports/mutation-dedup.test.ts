import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { convexToJson } from "convex/values";
import { afterAll, expect, test } from "vitest";
import { startApiServer } from "../../src/http/api-server.js";
import { encodeId, newInternalId } from "../../src/ids/index.js";
import { SYSTEM_TABLE_NUMBERS } from "../../src/storage/catalog.js";
import { SessionRequests } from "../../src/sync/mutation-store.js";
import { startCrashServer } from "../engine/crash-process.js";
import { startTestEngine } from "../engine/helpers.js";
import { openStoreFixture } from "../engine/store-fixture.js";
import { connectMessage, memoryLogger, RawSyncClient } from "./harness.js";

const stateDir = mkdtempSync(path.join(tmpdir(), "convex-local-dedup-"));
const crashStateDir = mkdtempSync(path.join(tmpdir(), "convex-local-dedup-"));

afterAll(() => {
  rmSync(stateDir, { recursive: true, force: true });
  rmSync(crashStateDir, { recursive: true, force: true });
});

function addNote(requestId: number) {
  return {
    type: "Mutation",
    requestId,
    udfPath: "notes:add",
    args: [{ body: "once", clinic: "dedup" }],
  };
}

/** Starts the backend on a state folder and sends one mutation. */
async function sendOnce(sessionId: string, requestId: number, dir = stateDir) {
  const t = await startTestEngine("fidelity-app", { stateDir: dir });
  const server = await startApiServer({
    engine: t.engine,
    port: 0,
    logger: memoryLogger(),
  });
  try {
    const client = await RawSyncClient.connect(server.port);
    client.send(connectMessage(sessionId));
    client.send(addNote(requestId));
    const response = await client.next("MutationResponse");
    client.close();
    await client.closed;
    const count = await t.query("errors:count");
    // The note that the returned ID names, as stored.
    const stored =
      response.success === true
        ? ((await t.query("errors:getFrom", {
            table: "notes",
            id: response.result as string,
          })) as { body: string } | null)
        : null;
    return { response, count, stored };
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

test("re-sent mutation after a crash at commit runs once", async () => {
  const session = "00000000-0000-4000-8000-00000000d002";
  // The server kills itself right after the mutation's commit is durable,
  // before it acknowledges the mutation or runs anything else.
  const server = startCrashServer(
    "fidelity-app",
    crashStateDir,
    "kill-after-commit",
  );
  const client = await RawSyncClient.connect(
    Number(new URL(await server.url).port),
  );
  client.send(connectMessage(session));
  client.send(addNote(3));
  await server.exited;
  await client.closed;
  expect(client.pending().map((message) => message.type)).not.toContain(
    "MutationResponse",
  );

  const replay = await sendOnce(session, 3, crashStateDir);
  expect(replay.response.success).toBe(true);
  expect(replay.count).toBe(1);
  expect(replay.stored?.body).toBe("once");
});

test("copy re-sent during the first run runs once", async () => {
  const t = await startTestEngine("fidelity-app");
  try {
    const sessionRequest = {
      sessionId: "00000000-0000-4000-8000-00000000d004",
      requestId: 1,
    };
    const send = () =>
      t.engine.runMutation({
        path: "notes:add",
        args: { body: "once", clinic: "concurrent" },
        caller: { kind: "anonymous" },
        sessionRequest,
      });
    // As after a reconnect: the copies arrive before the first commits.
    const results = await Promise.all([send(), send(), send()]);
    for (const result of results) expect(result.ok).toBe(true);
    const [first, ...copies] = results.map((result) =>
      result.ok ? { value: result.value, ts: result.ts } : null,
    );
    for (const copy of copies) {
      expect(copy?.value).toBe(first?.value);
      expect(copy?.ts).toBe(first?.ts);
    }
    expect(await t.query("errors:count")).toBe(1);
  } finally {
    await t.close();
  }
});

test("functions cannot read recorded results", async () => {
  await sendOnce("00000000-0000-4000-8000-00000000d003", 1);
  const t = await startTestEngine("fidelity-app", { stateDir });
  try {
    const result = await t.engine.runQuery({
      path: "errors:listSystem",
      args: { table: "_session_requests" },
      caller: { kind: "admin" },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errorMessage).toContain(
      'Uncaught Error: Unknown system table "_session_requests"',
    );
  } finally {
    await t.close();
  }
});

test("functions cannot take recorded result IDs", async () => {
  await sendOnce("00000000-0000-4000-8000-00000000d005", 1);
  const t = await startTestEngine("fidelity-app", { stateDir });
  try {
    const id = encodeId(
      SYSTEM_TABLE_NUMBERS._session_requests!,
      newInternalId(),
    );
    const result = await t.query("errors:normalizeSystemId", {
      table: "_session_requests",
      id,
    });
    expect(result).toBeNull();
    const validated = await t.engine.runQuery({
      path: "errors:takeSessionRequestId",
      args: { id },
      caller: { kind: "admin" },
    });
    expect(validated.ok).toBe(false);
  } finally {
    await t.close();
  }
});

test("recorded results expire and are deleted", async () => {
  const f = openStoreFixture();
  let now = Date.now();
  const requests = new SessionRequests(f.store, f.catalog, 60_000, () => now);
  const request = { sessionId: "session-ttl", requestId: 1 };
  try {
    const tx = f.begin();
    requests.record(tx, request, { at: { $commitTs: null } }, ["[LOG] 'ran'"]);
    const commit = await f.committer.commit(tx, "mutation");
    f.committer.end(tx.snapshotTs);
    expect(commit.ok).toBe(true);
    if (!commit.ok) return;
    expect(requests.get(request)).toEqual({
      ok: true,
      value: { at: convexToJson(commit.ts) },
      logLines: ["[LOG] 'ran'"],
      ts: commit.ts,
    });
    expect(requests.get({ ...request, requestId: 2 })).toBeUndefined();
    expect(requests.get({ ...request, sessionId: "other" })).toBeUndefined();

    // From the clock after the commit, which is no earlier than the
    // result's creation time, however long the commit took.
    now = Date.now() + 60_001;
    expect(requests.get(request)).toBeUndefined();
    const cleanup = f.begin();
    expect(requests.deleteExpired(cleanup)).toBe(1);
    expect((await f.committer.commit(cleanup, "cleanup")).ok).toBe(true);
    f.committer.end(cleanup.snapshotTs);
    const after = f.begin();
    expect(requests.deleteExpired(after)).toBe(0);
    f.committer.end(after.snapshotTs);
  } finally {
    f.close();
  }
});
