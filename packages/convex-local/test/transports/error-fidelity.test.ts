import { ConvexClient, ConvexHttpClient } from "convex/browser";
import { makeFunctionReference } from "convex/server";
import { ConvexError } from "convex/values";
import { afterAll, beforeAll, expect, test } from "vitest";
import WebSocket from "ws";
import { startApiServer } from "../../src/http/api-server.js";
import type { RunningServer } from "../../src/http/site-server.js";
import { startTestEngine, type TestEngine } from "../engine/helpers.js";
import { connectMessage, memoryLogger, RawSyncClient } from "./harness.js";

type Args = Record<string, unknown>;
const boom = makeFunctionReference<"mutation", Args, null>("errors:boom");
const convexBoom = makeFunctionReference<"mutation", Args, null>(
  "errors:convexBoom",
);
const nestedBoom = makeFunctionReference<"action", Args, null>(
  "errors:nestedBoom",
);
const getNote = makeFunctionReference<"query", Args, unknown>("errors:getNote");
const addLarge = makeFunctionReference<"mutation", Args, string>(
  "errors:addLarge",
);
const count = makeFunctionReference<"query", Args, number>("errors:count");
const getFrom = makeFunctionReference<"query", Args, unknown>("errors:getFrom");
const getSystem = makeFunctionReference<"query", Args, unknown>(
  "errors:getSystem",
);
const patchRaw = makeFunctionReference<"mutation", Args, null>(
  "errors:patchRaw",
);
const replaceDeleted = makeFunctionReference<"mutation", Args, null>(
  "errors:replaceDeleted",
);
const addNote = makeFunctionReference<"mutation", Args, string>("notes:add");
const addVector = makeFunctionReference<"mutation", Args, string>(
  "vectors:add",
);

const PREFIX = /^\[Request ID: [0-9a-f]{16}\] Server Error\n/;

let engine: TestEngine;
let server: RunningServer;
let url: string;
let http: ConvexHttpClient;
let noteId: string;
let vectorId: string;

beforeAll(async () => {
  engine = await startTestEngine("fidelity-app");
  server = await startApiServer({
    engine: engine.engine,
    port: 0,
    logger: memoryLogger(),
  });
  url = `http://127.0.0.1:${server.port}`;
  http = new ConvexHttpClient(url, { logger: false });
  noteId = await http.mutation(addNote, { body: "kept", clinic: "north" });
  vectorId = await http.mutation(addVector, {
    embedding: [1, 0, 0],
    kind: "axis",
    label: "x",
  });
});

afterAll(async () => {
  await server.close();
  await engine.close();
});

/** Checks that the server still serves and the store still has one note. */
async function expectServing() {
  expect(await http.query(count, {})).toBe(1);
  expect(await http.query(getNote, { id: noteId })).toMatchObject({
    body: "kept",
  });
}

/** Builds an object nested `depth` levels deep: `{a: {a: … null}}`. */
function nestedValue(depth: number): Record<string, unknown> | null {
  let value: Record<string, unknown> | null = null;
  for (let level = 0; level < depth; level++) value = { a: value };
  return value;
}

async function httpError(run: () => Promise<unknown>): Promise<Error> {
  const error = await run().then(
    () => null,
    (thrown: unknown) => thrown as Error,
  );
  expect(error).toBeInstanceOf(Error);
  return error!;
}

test("uncaught error has server prefix", async () => {
  const error = await httpError(() => http.mutation(boom, {}));
  expect(error.message).toMatch(PREFIX);
  expect(error.message).toContain("\nUncaught Error: boom");
  await expectServing();
});

test("nested error keeps one prefix", async () => {
  const error = await httpError(() => http.action(nestedBoom, {}));
  expect(error.message).toMatch(PREFIX);
  expect(error.message.match(/Server Error/g)).toHaveLength(1);
  expect(error.message).toContain("Uncaught Error: boom");
  await expectServing();
});

test("ConvexError data crosses both clients", async () => {
  const overHttp = await httpError(() => http.mutation(convexBoom, {}));
  expect(overHttp).toBeInstanceOf(ConvexError);
  expect(
    (overHttp as ConvexError<Record<string, number | string>>).data,
  ).toEqual({
    kind: "noteLocked",
    attempts: 3,
  });
  expect(overHttp.message).toMatch(PREFIX);

  const client = new ConvexClient(url, {
    webSocketConstructor: WebSocket as unknown as typeof globalThis.WebSocket,
    logger: false,
  });
  try {
    const overSync = await httpError(() => client.mutation(convexBoom, {}));
    expect(overSync).toBeInstanceOf(ConvexError);
    expect(
      (overSync as ConvexError<Record<string, number | string>>).data,
    ).toEqual({
      kind: "noteLocked",
      attempts: 3,
    });
    expect(overSync.message).toContain("] Server Error\n");
  } finally {
    await client.close();
  }
  await expectServing();
});

test.each([
  [
    "unknown function",
    () => http.query(makeFunctionReference<"query">("errors:nope"), {}),
    "Could not find public function for 'errors:nope'.",
  ],
  [
    "wrong argument type",
    () => http.query(getNote, { id: 5 }),
    'ArgumentValidationError: Value does not match validator.\nPath: .id\nValue: 5\nValidator: v.id("notes")',
  ],
  [
    "invalid ID",
    () => http.query(getNote, { id: "not-an-id" }),
    'ArgumentValidationError: Value does not match validator.\nPath: .id\nValue: "not-an-id"\nValidator: v.id("notes")',
  ],
  [
    "ID from another table",
    () => http.query(getNote, { id: vectorId }),
    'ArgumentValidationError: Found ID "<vector>" from table `embeddings`, which does not match the table name in validator `v.id("notes")`.\nPath: .id',
  ],
  [
    "arguments nested over 64",
    () => http.query(getNote, { id: nestedValue(70) as unknown as string }),
    "Invalid arguments for errors.js:getNote: Value is too nested (nested 65 levels deep > maximum nesting 64)",
  ],
  [
    "oversized document",
    () => http.mutation(addLarge, { bytes: 1_100_000 }),
    "Value is too large (1.05 MiB > maximum size 1 MiB)",
  ],
  [
    "db.get with another table",
    () => http.query(getFrom, { table: "notes", id: vectorId }),
    'Invalid argument `id` for `db.get`: expected to be an Id<"notes">, got Id<"embeddings"> instead.',
  ],
  [
    "db.get with a malformed ID",
    () => http.query(getFrom, { table: "notes", id: "abc" }),
    "Invalid argument `id` for `db.get`: Unable to decode ID: Invalid ID length 3",
  ],
  [
    "db.system.get on a user table",
    () => http.query(getSystem, { id: noteId }),
    "User tables cannot be accessed with db.system.",
  ],
  [
    "db.patch with a malformed ID",
    () => http.mutation(patchRaw, { id: "abc" }),
    "Invalid argument `id` for `db.patch`: Unable to decode ID: Invalid ID length 3",
  ],
  [
    "db.patch with another table's ID",
    () => http.mutation(patchRaw, { id: vectorId, table: "notes" }),
    'Invalid argument `id` for `db.patch`: expected to be an Id<"notes">, got Id<"embeddings"> instead.',
  ],
  [
    "replace of a deleted document",
    () => http.mutation(replaceDeleted, {}),
    "Replace on nonexistent document ID",
  ],
])("%s error text", async (_name, run, expected) => {
  const error = await httpError(run);
  expect(error.message).toMatch(PREFIX);
  expect(error.message).toContain(expected.replace("<vector>", vectorId));
  await expectServing();
});

test("malformed HTTP body is 400", async () => {
  const response = await fetch(`${url}/api/query`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{not json",
  });
  expect(response.status).toBe(400);
  const body = (await response.json()) as { code: string };
  expect(body.code).toBe("BadJsonBody");
  await expectServing();
});

test("lone surrogate in an HTTP body is 400", async () => {
  const body = JSON.stringify({
    path: "errors:count",
    args: { text: "x\ud800" },
    format: "json",
  });
  const response = await fetch(`${url}/api/query`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });
  expect(response.status).toBe(400);
  // serde_json stops one byte past the escape, on the closing quote.
  const column = body.indexOf("\\ud800") + "\\ud800".length + 1;
  expect(await response.json()).toEqual({
    code: "BadJsonBody",
    message: `Failed to parse the request body as JSON: unexpected end of hex escape at line 1 column ${column}`,
  });
  await expectServing();
});

test.each([
  ["not JSON", "{oops"],
  [
    "lone surrogate",
    JSON.stringify({
      type: "ModifyQuerySet",
      baseVersion: 0,
      newVersion: 1,
      modifications: [
        {
          type: "Add",
          queryId: 0,
          udfPath: "errors:count",
          args: [{ text: "\ud800" }],
        },
      ],
    }),
  ],
  ["unknown type", JSON.stringify({ type: "Nope" })],
  ["missing field", JSON.stringify({ type: "Mutation", udfPath: "x" })],
])("malformed sync message: %s", async (_name, frame) => {
  const raw = await RawSyncClient.connect(server.port);
  raw.send(connectMessage("00000000-0000-4000-8000-000000000001"));
  raw.send(frame);
  const fatal = await raw.next("FatalError");
  expect(String(fatal.error)).toMatch(/^Received Invalid JSON on websocket: /);
  await raw.closed;
  await expectServing();
});

test("deeply nested query arguments fail the query", async () => {
  const raw = await RawSyncClient.connect(server.port);
  raw.send(connectMessage("00000000-0000-4000-8000-000000000003"));
  // Written as text, because the client's JSON.stringify overflows too.
  const depth = 100_000;
  const deep = `${'{"a":'.repeat(depth)}null${"}".repeat(depth)}`;
  raw.send(
    `{"type":"ModifyQuerySet","baseVersion":0,"newVersion":1,"modifications":[{"type":"Add","queryId":0,"udfPath":"errors:getNote","args":[{"id":${deep}}]}]}`,
  );

  const transition = await raw.next("Transition", 10_000);
  const [failed] = transition.modifications as {
    type: string;
    errorMessage: string;
  }[];
  expect(failed?.type).toBe("QueryFailed");
  expect(failed?.errorMessage).toContain(
    "Invalid arguments for errors.js:getNote: Value is too nested (nested 65 levels deep > maximum nesting 64)",
  );
  // The session stays open and serves the next query.
  raw.send({
    type: "ModifyQuerySet",
    baseVersion: 1,
    newVersion: 2,
    modifications: [
      { type: "Add", queryId: 1, udfPath: "errors:count", args: [{}] },
    ],
  });
  const next = await raw.next("Transition");
  expect(next.modifications).toMatchObject([
    { type: "QueryUpdated", queryId: 1, value: 1 },
  ]);
  raw.close();
  await expectServing();
});

test("oversized sync frame closes socket", async () => {
  const raw = await RawSyncClient.connect(server.port);
  raw.send(connectMessage("00000000-0000-4000-8000-000000000002"));
  raw.send(
    JSON.stringify({
      type: "Mutation",
      requestId: 0,
      udfPath: "notes:add",
      args: [{ body: "x".repeat(21 * 1024 * 1024), clinic: "big" }],
    }),
  );
  const closed = await raw.closed;
  // ws closes with 1009 (message too big) when a frame passes maxPayload.
  expect(closed.code).toBe(1009);
  await expectServing();
});
