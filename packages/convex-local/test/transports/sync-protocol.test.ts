import { afterEach, beforeEach, describe, expect, test } from "vitest";
import {
  connectMessage,
  RawSyncClient,
  startTestServer,
  tsOf,
  type TestServer,
} from "./harness.js";

let server: TestServer;
const clients: RawSyncClient[] = [];

beforeEach(async () => {
  server = await startTestServer();
});

afterEach(async () => {
  clients.splice(0).forEach((client) => client.close());
  await server.close();
});

async function connect(sessionId = "session-1", path?: string) {
  const client = await RawSyncClient.connect(server.port, path);
  clients.push(client);
  client.send(connectMessage(sessionId));
  return client;
}

function addCounterQuery(queryId: number, name: string) {
  return {
    type: "Add",
    queryId,
    udfPath: "counter:get",
    args: [{ name }],
  };
}

function mutation(requestId: number, name: string) {
  return {
    type: "Mutation",
    requestId,
    udfPath: "counter:increment",
    args: [{ name }],
  };
}

describe("sync endpoint", () => {
  test.each(["/api/sync", "/api/1.48.0/sync", "/api/9.9.9/sync"])(
    "accepts %s",
    async (path) => {
      const client = await connect("session-path", path);
      client.send({
        type: "ModifyQuerySet",
        baseVersion: 0,
        newVersion: 1,
        modifications: [],
      });
      const transition = await client.next("Transition");
      expect(transition.endVersion).toMatchObject({ querySet: 1, identity: 0 });
    },
  );

  test("rejects other upgrade paths", async () => {
    const client = new RawSyncClient(
      new (await import("ws")).default(
        `ws://127.0.0.1:${server.port}/api/x/y/sync`,
      ),
    );
    await expect(client.opened).rejects.toThrow(/404/);
  });
});

describe("transitions", () => {
  test("first transition starts at zero", async () => {
    const client = await connect();
    client.send({
      type: "ModifyQuerySet",
      baseVersion: 0,
      newVersion: 1,
      modifications: [addCounterQuery(0, "a")],
    });
    const transition = await client.next("Transition");
    expect(transition.startVersion).toEqual({
      querySet: 0,
      identity: 0,
      ts: "AAAAAAAAAAA=",
    });
    expect(transition.endVersion).toMatchObject({ querySet: 1, identity: 0 });
    expect(tsOf((transition.endVersion as { ts: string }).ts)).toBe(
      server.engine.latestTs(),
    );
    expect(transition.modifications).toEqual([
      {
        type: "QueryUpdated",
        queryId: 0,
        value: 0,
        logLines: ["ran counter:get"],
        journal: null,
      },
    ]);
  });

  test("mutation response precedes covering transition", async () => {
    const client = await connect();
    client.send({
      type: "ModifyQuerySet",
      baseVersion: 0,
      newVersion: 1,
      modifications: [addCounterQuery(0, "a")],
    });
    const first = await client.next("Transition");
    client.send(mutation(0, "a"));
    const response = await client.next();
    expect(response.type).toBe("MutationResponse");
    expect(response).toMatchObject({ requestId: 0, success: true, result: 1 });
    const second = await client.next();
    expect(second.type).toBe("Transition");
    expect(second.startVersion).toEqual(first.endVersion);
    const endTs = tsOf((second.endVersion as { ts: string }).ts);
    expect(endTs).toBeGreaterThanOrEqual(tsOf(response.ts));
    expect(second.modifications).toMatchObject([
      { type: "QueryUpdated", queryId: 0, value: 1 },
    ]);
  });

  test("mutation without writes still gets a transition", async () => {
    const client = await connect();
    client.send({
      type: "ModifyQuerySet",
      baseVersion: 0,
      newVersion: 1,
      modifications: [addCounterQuery(0, "a")],
    });
    const first = await client.next("Transition");
    client.send({
      type: "Mutation",
      requestId: 0,
      udfPath: "noop:nothing",
      args: [{}],
    });
    const response = await client.next("MutationResponse");
    const second = await client.next("Transition");
    expect(second.startVersion).toEqual(first.endVersion);
    expect(
      tsOf((second.endVersion as { ts: string }).ts),
    ).toBeGreaterThanOrEqual(tsOf(response.ts));
    expect(second.modifications).toEqual([]);
  });

  test("unchanged result is omitted", async () => {
    const client = await connect();
    client.send({
      type: "ModifyQuerySet",
      baseVersion: 0,
      newVersion: 1,
      modifications: [addCounterQuery(0, "a")],
    });
    await client.next("Transition");
    client.send({
      type: "Mutation",
      requestId: 0,
      udfPath: "counter:set",
      args: [{ name: "a", value: 0 }],
    });
    await client.next("MutationResponse");
    const transition = await client.next("Transition");
    expect(transition.modifications).toEqual([]);
    expect(server.engine.runs.get("counter:get")).toBe(2);
  });

  test("other connection's commit updates only overlapping queries", async () => {
    const watcher = await connect("watcher");
    watcher.send({
      type: "ModifyQuerySet",
      baseVersion: 0,
      newVersion: 1,
      modifications: [addCounterQuery(0, "a"), addCounterQuery(1, "b")],
    });
    const first = await watcher.next("Transition");
    const writer = await connect("writer");
    writer.send(mutation(0, "b"));
    await writer.next("MutationResponse");
    const update = await watcher.next("Transition");
    expect(update.startVersion).toEqual(first.endVersion);
    expect(update.modifications).toMatchObject([
      { type: "QueryUpdated", queryId: 1, value: 1 },
    ]);
  });

  test("remove sends QueryRemoved", async () => {
    const client = await connect();
    client.send({
      type: "ModifyQuerySet",
      baseVersion: 0,
      newVersion: 1,
      modifications: [addCounterQuery(0, "a")],
    });
    await client.next("Transition");
    client.send({
      type: "ModifyQuerySet",
      baseVersion: 1,
      newVersion: 2,
      modifications: [{ type: "Remove", queryId: 0 }],
    });
    const transition = await client.next("Transition");
    expect(transition.endVersion).toMatchObject({ querySet: 2 });
    expect(transition.modifications).toEqual([
      { type: "QueryRemoved", queryId: 0 },
    ]);
  });

  test("query error carries errorData", async () => {
    const client = await connect();
    client.send({
      type: "ModifyQuerySet",
      baseVersion: 0,
      newVersion: 1,
      modifications: [
        { type: "Add", queryId: 3, udfPath: "errors:query", args: [{}] },
      ],
    });
    const transition = await client.next("Transition");
    expect(transition.modifications).toMatchObject([
      { type: "QueryFailed", queryId: 3, errorData: { kind: "formNotFound" } },
    ]);
  });

  test("component query needs admin", async () => {
    const client = await connect();
    client.send({
      type: "ModifyQuerySet",
      baseVersion: 0,
      newVersion: 1,
      modifications: [
        {
          type: "Add",
          queryId: 0,
          udfPath: "public:count",
          args: [{}],
          componentPath: "shardedCounter",
        },
      ],
    });
    const transition = await client.next("Transition");
    expect(transition.modifications).toMatchObject([
      { type: "QueryFailed", queryId: 0 },
    ]);
  });
});

describe("protocol errors", () => {
  test("query set base version mismatch is fatal", async () => {
    const client = await connect();
    client.send({
      type: "ModifyQuerySet",
      baseVersion: 3,
      newVersion: 4,
      modifications: [],
    });
    const error = await client.next("FatalError");
    expect(error.error).toMatch(/Base version 3 .* current version 0/);
    await client.closed;
  });

  test("identity base version mismatch is fatal", async () => {
    const client = await connect();
    client.send({ type: "Authenticate", tokenType: "None", baseVersion: 5 });
    const error = await client.next("FatalError");
    expect(error.error).toMatch(/Identity base version 5/);
  });

  test.each([
    ["invalid JSON", "{not json"],
    ["unknown type", JSON.stringify({ type: "Launch" })],
    ["missing field", JSON.stringify({ type: "Mutation", requestId: 1 })],
    ["not an object", "[1,2]"],
  ])("%s is fatal and the server survives", async (_name, frame) => {
    const client = await connect();
    client.send(frame);
    await client.next("FatalError");
    await client.closed;
    const next = await connect("session-2");
    next.send({
      type: "ModifyQuerySet",
      baseVersion: 0,
      newVersion: 1,
      modifications: [],
    });
    expect((await next.next("Transition")).type).toBe("Transition");
  });

  test("future maxObservedTimestamp closes with internal error", async () => {
    const client = await RawSyncClient.connect(server.port);
    clients.push(client);
    const future = Buffer.alloc(8);
    future.writeBigUInt64LE(server.engine.latestTs() + 10n ** 12n);
    client.send({
      ...connectMessage("session-future"),
      maxObservedTimestamp: future.toString("base64"),
    });
    const closed = await client.closed;
    expect(closed.code).toBe(1011);
    expect(closed.reason).toBe("InternalServerError");
  });
});

describe("authentication", () => {
  test("valid token bumps identity and re-runs queries", async () => {
    const client = await connect();
    client.send({
      type: "ModifyQuerySet",
      baseVersion: 0,
      newVersion: 1,
      modifications: [
        { type: "Add", queryId: 0, udfPath: "auth:whoami", args: [{}] },
      ],
    });
    const first = await client.next("Transition");
    expect(first.modifications).toMatchObject([{ value: null }]);
    client.send({
      type: "Authenticate",
      tokenType: "User",
      value: "valid-token-alice",
      baseVersion: 0,
    });
    const second = await client.next("Transition");
    expect(second.startVersion).toEqual(first.endVersion);
    expect(second.endVersion).toMatchObject({ querySet: 1, identity: 1 });
    expect(second.modifications).toMatchObject([{ value: "alice" }]);
  });

  test("invalid token sends AuthError and closes", async () => {
    const client = await connect();
    client.send({
      type: "Authenticate",
      tokenType: "User",
      value: "forged",
      baseVersion: 0,
    });
    const error = await client.next("AuthError");
    expect(error).toMatchObject({ baseVersion: 0, authUpdateAttempted: true });
    expect(error.error).toMatch(/token signature is invalid/);
    await client.closed;
  });

  test("bad admin key sends AuthError", async () => {
    const client = await connect();
    client.send({
      type: "Authenticate",
      tokenType: "Admin",
      value: "wrong-key",
      baseVersion: 0,
    });
    const error = await client.next("AuthError");
    expect(error.error).toMatch(/admin key was invalid/);
  });
});

describe("mutations", () => {
  test("run one at a time in arrival order", async () => {
    const client = await connect();
    for (let requestId = 0; requestId < 5; requestId++) {
      client.send(mutation(requestId, "ordered"));
    }
    const results: unknown[] = [];
    for (let index = 0; index < 5; index++) {
      const response = await client.next("MutationResponse");
      results.push([response.requestId, response.result]);
    }
    expect(results).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 5],
    ]);
  });

  test("resent mutation replays its first result", async () => {
    const first = await connect("session-dedupe");
    first.send(mutation(7, "dedupe"));
    const original = await first.next("MutationResponse");
    first.close();
    await first.closed;

    const second = await connect("session-dedupe");
    second.send(mutation(7, "dedupe"));
    const replay = await second.next("MutationResponse");
    expect(replay).toEqual(original);
    expect(server.engine.runs.get("counter:increment")).toBe(1);
    const transition = await second.next("Transition");
    expect(
      tsOf((transition.endVersion as { ts: string }).ts),
    ).toBeGreaterThanOrEqual(tsOf(original.ts));
  });

  test("same request id in another session runs again", async () => {
    const first = await connect("session-a");
    first.send(mutation(0, "shared"));
    expect((await first.next("MutationResponse")).result).toBe(1);
    const second = await connect("session-b");
    second.send(mutation(0, "shared"));
    expect((await second.next("MutationResponse")).result).toBe(2);
  });

  test("failure carries errorData", async () => {
    const client = await connect();
    client.send({
      type: "Mutation",
      requestId: 0,
      udfPath: "errors:mutation",
      args: [{}],
    });
    const response = await client.next("MutationResponse");
    expect(response).toMatchObject({
      success: false,
      errorData: { kind: "invalidAnswers" },
    });
  });

  test("OCC failure closes with 1013", async () => {
    server.engine.occFailures = Infinity;
    const client = await connect();
    client.send(mutation(0, "hot"));
    const closed = await client.closed;
    expect(closed).toEqual({
      code: 1013,
      reason: "OptimisticConcurrencyControlFailure",
    });
    expect(client.pending()).toEqual([]);
  });
});

describe("actions and pings", () => {
  test("actions run concurrently", async () => {
    server.engine.actionDelayMs = 200;
    const client = await connect();
    const started = Date.now();
    for (let requestId = 0; requestId < 3; requestId++) {
      client.send({
        type: "Action",
        requestId,
        udfPath: "actions:echo",
        args: [{ requestId }],
      });
    }
    for (let index = 0; index < 3; index++) {
      expect((await client.next("ActionResponse")).success).toBe(true);
    }
    expect(Date.now() - started).toBeLessThan(550);
  });

  test("server sends Ping on its interval", async () => {
    await server.close();
    server = await startTestServer({ pingIntervalMs: 50 });
    const client = await connect();
    expect((await client.next("Ping", 1_000)).type).toBe("Ping");
  });
});
