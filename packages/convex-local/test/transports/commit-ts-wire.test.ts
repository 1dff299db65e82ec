import { ConvexClient, ConvexHttpClient } from "convex/browser";
import { makeFunctionReference } from "convex/server";
import { convexToJson } from "convex/values";
import { afterAll, beforeAll, expect, test } from "vitest";
import WebSocket from "ws";
import {
  connectMessage,
  RawSyncClient,
  startEngineServer,
  tsOf,
  type EngineServer,
} from "./harness.js";

type Stamp = { id: string; committedAt: bigint; nested: { at: bigint }[] };

const stamp = makeFunctionReference<"mutation", { label: string }, Stamp>(
  "events:stamp",
);
const committedAt = makeFunctionReference<
  "query",
  { id: string },
  bigint | null
>("events:committedAt");

let server: EngineServer;

beforeAll(async () => {
  server = await startEngineServer("basic-app");
});

afterAll(async () => {
  await server.close();
});

test("client receives the resolved commitTs", async () => {
  const client = new ConvexClient(server.url, {
    webSocketConstructor: WebSocket as unknown as typeof globalThis.WebSocket,
    logger: false,
  });
  try {
    const result = await client.mutation(stamp, { label: "client" });
    const stored = await client.query(committedAt, { id: result.id });

    expect(typeof result.committedAt).toBe("bigint");
    expect(result.committedAt).toBe(stored);
    expect(result.nested).toEqual([{ at: stored }]);
  } finally {
    await client.close();
  }
});

test("HTTP client receives the resolved commitTs", async () => {
  const client = new ConvexHttpClient(server.url, { logger: false });
  const result = await client.mutation(stamp, { label: "http" });
  const stored = await client.query(committedAt, { id: result.id });

  expect(typeof result.committedAt).toBe("bigint");
  expect(result.committedAt).toBe(stored);
  expect(result.nested).toEqual([{ at: stored }]);
});

test("MutationResponse ts is the commit timestamp", async () => {
  const client = await RawSyncClient.connect(server.port);
  try {
    client.send(connectMessage("commit-ts-session"));
    client.send({
      type: "Mutation",
      requestId: 0,
      udfPath: "events:stamp",
      args: [{ label: "raw" }],
    });
    const response = await client.next("MutationResponse");
    expect(response.success).toBe(true);
    const result = response.result as {
      id: string;
      committedAt: unknown;
      nested: { at: unknown }[];
    };
    const ts = tsOf(response.ts);
    const expected = convexToJson(ts);

    expect(result.committedAt).toEqual(expected);
    expect(result.nested).toEqual([{ at: expected }]);
    expect(JSON.stringify(result)).not.toContain("$commitTs");
    expect(
      await server.engine.query("events:committedAt", { id: result.id }),
    ).toEqual(expected);
  } finally {
    client.close();
  }
});

test("re-sent mutation returns the first commitTs", async () => {
  const send = async (connectionCount: number) => {
    const client = await RawSyncClient.connect(server.port);
    try {
      client.send(connectMessage("commit-ts-resend", connectionCount));
      client.send({
        type: "Mutation",
        requestId: 7,
        udfPath: "events:stamp",
        args: [{ label: "resent" }],
      });
      return await client.next("MutationResponse");
    } finally {
      client.close();
    }
  };
  const first = await send(0);
  const second = await send(1);

  expect(second.ts).toBe(first.ts);
  expect(second.result).toEqual(first.result);
  expect((second.result as { committedAt: unknown }).committedAt).toEqual(
    convexToJson(tsOf(first.ts)),
  );
});
