import { ConvexClient, ConvexHttpClient } from "convex/browser";
import { makeFunctionReference } from "convex/server";
import { ConvexError } from "convex/values";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import WebSocket from "ws";
import { startApiServer } from "../../src/http/api-server.js";
import type { RunningServer } from "../../src/http/site-server.js";
import { startTestEngine, type TestEngine } from "../engine/helpers.js";
import { connectMessage, memoryLogger, RawSyncClient } from "./harness.js";

const getCounter = makeFunctionReference<
  "query",
  { name: string },
  number | null
>("counters:get");
const increment = makeFunctionReference<"mutation", { name: string }, number>(
  "counters:increment",
);
const send = makeFunctionReference<
  "mutation",
  { author: string; body: string },
  string
>("messages:send");
const byAuthor = makeFunctionReference<
  "query",
  { author: string },
  { body: string }[]
>("messages:byAuthor");
const secret = makeFunctionReference<"query", Record<string, never>, string>(
  "messages:secret",
);

/** The HTTP client with its internal `setAdminAuth` method typed. */
type AdminHttpClient = ConvexHttpClient & { setAdminAuth(key: string): void };

let engine: TestEngine;
let server: RunningServer;
let url: string;
const clients: ConvexClient[] = [];

beforeAll(async () => {
  engine = await startTestEngine("basic-app");
  server = await startApiServer({
    engine: engine.engine,
    port: 0,
    logger: memoryLogger(),
  });
  url = `http://127.0.0.1:${server.port}`;
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await server.close();
  await engine.close();
});

function newClient(): ConvexClient {
  const client = new ConvexClient(url, {
    webSocketConstructor: WebSocket as unknown as typeof globalThis.WebSocket,
    logger: false,
  });
  clients.push(client);
  return client;
}

function firstValue<Value>(
  client: ConvexClient,
  subscribe: (
    client: ConvexClient,
    onValue: (value: Value) => void,
  ) => () => void,
  accept: (value: Value) => boolean,
): Promise<Value> {
  return new Promise((resolve) => {
    const unsubscribe = subscribe(client, (value) => {
      if (accept(value)) {
        unsubscribe();
        resolve(value);
      }
    });
  });
}

describe("sync against the engine", () => {
  test("subscription follows index writes", async () => {
    const watcher = newClient();
    const writer = newClient();
    const watch = (
      client: ConvexClient,
      onValue: (value: number | null) => void,
    ) => client.onUpdate(getCounter, { name: "live" }, onValue);
    expect(await firstValue(watcher, watch, () => true)).toBeNull();
    const updated = firstValue(watcher, watch, (value) => value === 2);
    await writer.mutation(increment, { name: "live" });
    await writer.mutation(increment, { name: "live" });
    expect(await updated).toBe(2);
  });

  test("concurrent increments all land", async () => {
    const writers = Array.from({ length: 4 }, () => newClient());
    await Promise.all(
      writers.flatMap((client) =>
        Array.from({ length: 5 }, () =>
          client.mutation(increment, { name: "hot" }),
        ),
      ),
    );
    const reader = newClient();
    expect(await reader.query(getCounter, { name: "hot" })).toBe(20);
  });

  test("own write is visible when mutation resolves", async () => {
    const client = newClient();
    const seen: string[][] = [];
    client.onUpdate(byAuthor, { author: "own" }, (rows) =>
      seen.push(rows.map((row) => row.body)),
    );
    await vi.waitFor(() => expect(seen).toEqual([[]]), { timeout: 5_000 });
    await client.mutation(send, { author: "own", body: "first" });
    expect(seen).toEqual([[], ["first"]]);
  });

  test("ConvexError data reaches the client", async () => {
    const client = newClient();
    const error = await client
      .mutation(send, { author: "x", body: "" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConvexError);
    expect((error as ConvexError<{ kind: string }>).data).toEqual({
      kind: "emptyBody",
    });
  });
});

describe("journals", () => {
  test("paginated query keeps its end cursor", async () => {
    const admin = new ConvexHttpClient(url, { logger: false });
    await admin.mutation(send, { author: "page", body: "one" });
    await admin.mutation(send, { author: "page", body: "two" });
    const client = await RawSyncClient.connect(server.port);
    try {
      client.send(connectMessage("journal-session"));
      client.send({
        type: "ModifyQuerySet",
        baseVersion: 0,
        newVersion: 1,
        modifications: [
          {
            type: "Add",
            queryId: 0,
            udfPath: "messages:page",
            args: [{ paginationOpts: { numItems: 1, cursor: null } }],
          },
        ],
      });
      const first = await client.next("Transition");
      const [update] = first.modifications as {
        journal: string | null;
        value: { page: unknown[]; continueCursor: string };
      }[];
      expect(typeof update!.journal).toBe("string");
      expect(update!.value.page).toHaveLength(1);

      // A write inside the page re-runs it with the stored journal, so the
      // page still ends at the same cursor.
      const [row] = update!.value.page as { _id: string }[];
      const edit = makeFunctionReference<
        "mutation",
        { id: string; body: string }
      >("messages:edit");
      await admin.mutation(edit, { id: row!._id, body: "changed" });
      const second = await client.next("Transition");
      const [rerun] = second.modifications as {
        journal: string | null;
        value: { page: { body: string }[]; continueCursor: string };
      }[];
      expect(rerun!.value.page.map((message) => message.body)).toEqual([
        "changed",
      ]);
      expect(rerun!.value.continueCursor).toBe(update!.value.continueCursor);
    } finally {
      client.close();
    }
  });
});

describe("HTTP against the engine", () => {
  test("ConvexError data over HTTP", async () => {
    const http = new ConvexHttpClient(url, { logger: false });
    const error = await http
      .mutation(send, { author: "x", body: "" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConvexError);
    expect((error as ConvexError<{ kind: string }>).data).toEqual({
      kind: "emptyBody",
    });
  });

  test("internal function needs admin", async () => {
    const http = new ConvexHttpClient(url, {
      logger: false,
    }) as AdminHttpClient;
    await expect(http.query(secret, {})).rejects.toThrow();
    http.setAdminAuth("test-admin-key");
    expect(await http.query(secret, {})).toBe("internal only");
  });

  test("HTTP action through /http/", async () => {
    const response = await fetch(`${url}/http/hello?name=ada`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("hello ada");
  });
});
