import { afterEach, expect, test } from "vitest";
import {
  connectMessage,
  RawSyncClient,
  startEngineServer,
  tsOf,
  type EngineServer,
} from "./harness.js";

const servers: EngineServer[] = [];
const clients: RawSyncClient[] = [];

afterEach(async () => {
  clients.splice(0).forEach((client) => client.close());
  for (const server of servers.splice(0)) await server.close();
});

async function start() {
  const server = await startEngineServer("basic-app");
  servers.push(server);
  return server;
}

async function connect(server: EngineServer, message: object) {
  const client = await RawSyncClient.connect(server.port);
  clients.push(client);
  client.send(message);
  return client;
}

const listMessages = {
  type: "ModifyQuerySet",
  baseVersion: 0,
  newVersion: 1,
  modifications: [
    { type: "Add", queryId: 0, udfPath: "messages:list", args: [{}] },
  ],
};

test("client from before a reset is served", async () => {
  // A browser tab observes a commit of the first backend.
  const before = await start();
  const tab = await connect(before, connectMessage("session-reset"));
  tab.send({
    type: "Mutation",
    requestId: 0,
    udfPath: "messages:send",
    args: [{ author: "tab", body: "before reset" }],
  });
  const response = await tab.next("MutationResponse");
  expect(response.success).toBe(true);
  const observed = response.ts as string;
  tab.close();
  await before.close();
  servers.splice(servers.indexOf(before), 1);

  // The tab reconnects to a backend on a fresh state folder.
  const after = await start();
  const reconnected = await connect(after, {
    ...connectMessage("session-reset", 1),
    maxObservedTimestamp: observed,
  });
  reconnected.send(listMessages);
  const transition = await reconnected.next("Transition");
  expect(transition.modifications).toMatchObject([
    { type: "QueryUpdated", queryId: 0, value: [] },
  ]);
  expect(tsOf((transition.endVersion as { ts: string }).ts)).toBeGreaterThan(
    tsOf(observed),
  );
  expect(reconnected.pending()).toEqual([]);
});

test("timestamp an hour ahead closes with 1011", async () => {
  const server = await start();
  // One hour ahead of the backend's latest timestamp, in nanoseconds.
  const ahead = server.engine.engine.latestTs() + 3_600n * 10n ** 9n;
  const encoded = Buffer.alloc(8);
  encoded.writeBigUInt64LE(ahead);
  const client = await connect(server, {
    ...connectMessage("session-ahead"),
    maxObservedTimestamp: encoded.toString("base64"),
  });
  const closed = await client.closed;
  expect(closed.code).toBe(1011);
  expect(closed.reason).toBe("InternalServerError");
});
