import { afterAll, beforeAll, expect, test } from "vitest";
import { startApiServer } from "../../src/http/api-server.js";
import type { RunningServer } from "../../src/http/site-server.js";
import { startTestEngine, type TestEngine } from "../engine/helpers.js";
import { connectMessage, memoryLogger, RawSyncClient } from "./harness.js";

// With no retries, the first write conflict is a permanent OCC failure.
let t: TestEngine;
let server: RunningServer;
let url: string;

const OCC_MESSAGE =
  /^Documents read from or written to the "counters" table changed while this mutation was being run and on every subsequent retry\. A call to "counters:increment" changed the document with ID "[0-9a-z]+"\. See https:\/\/docs\.convex\.dev\/error#1$/;

beforeAll(async () => {
  t = await startTestEngine("basic-app", { occMaxRetries: 0 });
  server = await startApiServer({
    engine: t.engine,
    port: 0,
    logger: memoryLogger(),
  });
  url = `http://127.0.0.1:${server.port}`;
});

afterAll(async () => {
  await server.close();
  await t.close();
});

function post(path: string, body: unknown) {
  return fetch(`${url}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

/**
 * Increments `name` over HTTP, one call at a time, until `until` settles,
 * so writes keep landing while a slow mutation runs. Resolves with the
 * number of increments.
 */
async function hammer(name: string, until: Promise<unknown>) {
  let settled = false;
  void until.finally(() => (settled = true));
  let writes = 0;
  while (!settled) {
    const response = await post("/api/mutation", {
      path: "counters:increment",
      args: [{ name }],
    });
    expect(response.status).toBe(200);
    writes += 1;
  }
  return writes;
}

test("HTTP OCC failure is 503", async () => {
  await t.mutation("counters:increment", { name: "wire-http" });
  const slow = post("/api/mutation", {
    path: "counters:slowIncrement",
    args: [{ name: "wire-http", yields: 200 }],
  });
  const writes = await hammer("wire-http", slow);
  const response = await slow;

  expect(writes).toBeGreaterThan(0);
  expect(response.status).toBe(503);
  const body = (await response.json()) as { code: string; message: string };
  expect(body.code).toBe("OptimisticConcurrencyControlFailure");
  expect(body.message).toMatch(OCC_MESSAGE);
  // The failed mutation wrote nothing.
  expect(await t.query("counters:get", { name: "wire-http" })).toBe(1 + writes);
});

test("WebSocket OCC failure closes 1013", async () => {
  await t.mutation("counters:increment", { name: "wire-ws" });
  const client = await RawSyncClient.connect(server.port);
  client.send(connectMessage("occ-session"));
  client.send({
    type: "Mutation",
    requestId: 0,
    udfPath: "counters:slowIncrement",
    args: [{ name: "wire-ws", yields: 200 }],
  });
  const writes = await hammer("wire-ws", client.closed);
  const closed = await client.closed;

  expect(writes).toBeGreaterThan(0);
  expect(closed).toEqual({
    code: 1013,
    reason: "OptimisticConcurrencyControlFailure",
  });
  expect(client.pending().map((message) => message.type)).not.toContain(
    "MutationResponse",
  );
  expect(await t.query("counters:get", { name: "wire-ws" })).toBe(1 + writes);
});
