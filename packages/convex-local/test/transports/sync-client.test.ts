import { ConvexClient } from "convex/browser";
import { ConvexReactClient } from "convex/react";
import { makeFunctionReference } from "convex/server";
import { ConvexError } from "convex/values";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import WebSocket from "ws";
import { startTestServer, type TestServer } from "./harness.js";

const getCounter = makeFunctionReference<"query", { name: string }, number>(
  "counter:get",
);
const increment = makeFunctionReference<"mutation", { name: string }, number>(
  "counter:increment",
);
const whoami = makeFunctionReference<
  "query",
  Record<string, never>,
  string | null
>("auth:whoami");
const failingQuery = makeFunctionReference<"query">("errors:query");
const failingMutation = makeFunctionReference<"mutation">("errors:mutation");
const echo = makeFunctionReference<"action", { text: string }>("actions:echo");

let server: TestServer;
const clients: { close(): Promise<void> }[] = [];

beforeEach(async () => {
  server = await startTestServer();
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await server.close();
});

function newClient(): ConvexClient {
  const client = new ConvexClient(server.url, {
    webSocketConstructor: WebSocket as unknown as typeof globalThis.WebSocket,
    logger: false,
  });
  clients.push(client);
  return client;
}

/** Resolves with the first subscription value that satisfies `accept`. */
function valueWhere<T>(
  client: ConvexClient,
  query: typeof getCounter | typeof whoami,
  args: Record<string, unknown>,
  accept: (value: T) => boolean,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const unsubscribe = client.onUpdate(
      query as typeof getCounter,
      args as { name: string },
      (value) => {
        if (accept(value as T)) {
          unsubscribe();
          resolve(value as T);
        }
      },
      reject,
    );
  });
}

/** Wait options for fan-out tests, whose hundreds of sockets are slow under load. */
const FAN_OUT_WAIT = { timeout: 10_000 };

/** Subscribes to one counter and returns the values received so far. */
function watchCounter(client: ConvexClient, name: string): number[] {
  const values: number[] = [];
  client.onUpdate(getCounter, { name }, (value) => values.push(value));
  return values;
}

describe("ConvexClient", () => {
  test("subscription sees another client's mutation", async () => {
    const watcher = newClient();
    const writer = newClient();
    expect(
      await valueWhere(watcher, getCounter, { name: "x" }, () => true),
    ).toBe(0);
    const updated = valueWhere<number>(
      watcher,
      getCounter,
      { name: "x" },
      (v) => v === 1,
    );
    await writer.mutation(increment, { name: "x" });
    expect(await updated).toBe(1);
  });

  test("mutation resolves after its transition", async () => {
    const client = newClient();
    const seen: number[] = [];
    client.onUpdate(getCounter, { name: "own" }, (value) => seen.push(value));
    await vi.waitFor(() => expect(seen).toEqual([0]), { timeout: 5_000 });
    const result = await client.mutation(increment, { name: "own" });
    expect(result).toBe(1);
    // By the time the promise resolves, the subscription reflects the write.
    expect(seen).toEqual([0, 1]);
    expect(client.client.localQueryResult("counter:get", { name: "own" })).toBe(
      1,
    );
  });

  test("mutation ConvexError arrives with data", async () => {
    const client = newClient();
    const error = await client.mutation(failingMutation, {}).catch((e) => e);
    expect(error).toBeInstanceOf(ConvexError);
    expect((error as ConvexError<{ kind: string }>).data.kind).toBe(
      "invalidAnswers",
    );
  });

  test("query ConvexError arrives with data", async () => {
    const client = newClient();
    const error = await new Promise<unknown>((resolve) => {
      client.onUpdate(failingQuery, {}, () => undefined, resolve);
    });
    expect(error).toBeInstanceOf(ConvexError);
    expect((error as ConvexError<{ kind: string }>).data.kind).toBe(
      "formNotFound",
    );
  });

  test("action result", async () => {
    const client = newClient();
    expect(await client.action(echo, { text: "hi" })).toEqual({ text: "hi" });
  });

  test("auth token sets the identity", async () => {
    const client = newClient();
    const authChanges: boolean[] = [];
    client.setAuth(
      async () => "valid-token-alice",
      (isAuthenticated) => authChanges.push(isAuthenticated),
    );
    expect(
      await valueWhere<string | null>(client, whoami, {}, (v) => v !== null),
    ).toBe("alice");
    await vi.waitFor(() => expect(authChanges).toContain(true), {
      timeout: 5_000,
    });
  });

  test("rejected token reports unauthenticated", async () => {
    const client = newClient();
    const authChanges: boolean[] = [];
    client.setAuth(
      async () => "forged",
      (isAuthenticated) => authChanges.push(isAuthenticated),
    );
    await vi.waitFor(() => expect(authChanges).toEqual([false]), {
      timeout: 5_000,
    });
    expect(await valueWhere(client, whoami, {}, () => true)).toBeNull();
  });

  test("mutation is re-sent after OCC close", async () => {
    server.engine.occFailures = 1;
    const client = newClient();
    expect(await client.mutation(increment, { name: "retry" })).toBe(1);
    expect(server.engine.runs.get("counter:increment")).toBe(2);
    expect(
      await valueWhere(client, getCounter, { name: "retry" }, () => true),
    ).toBe(1);
  });

  test("reconnect replays a completed mutation", async () => {
    let sockets = 0;
    let dropped = false;
    // Loses the connection right after the first MutationResponse, before
    // the Transition that would resolve the mutation.
    class FlakyWebSocket extends WebSocket {
      constructor(...args: ConstructorParameters<typeof WebSocket>) {
        super(...args);
        sockets += 1;
        const property = Object.getOwnPropertyDescriptor(
          WebSocket.prototype,
          "onmessage",
        )!;
        let lost = false;
        Object.defineProperty(this, "onmessage", {
          configurable: true,
          get: () => property.get!.call(this),
          set: (handler: (event: WebSocket.MessageEvent) => void) => {
            property.set!.call(this, (event: WebSocket.MessageEvent) => {
              if (lost) {
                return;
              }
              handler(event);
              if (
                !dropped &&
                String(event.data).includes('"MutationResponse"')
              ) {
                dropped = true;
                lost = true;
                this.terminate();
              }
            });
          },
        });
      }
    }
    const client = new ConvexClient(server.url, {
      webSocketConstructor:
        FlakyWebSocket as unknown as typeof globalThis.WebSocket,
      logger: false,
    });
    clients.push(client);
    expect(await client.mutation(increment, { name: "flaky" })).toBe(1);
    expect(dropped).toBe(true);
    expect(sockets).toBe(2);
    expect(server.engine.runs.get("counter:increment")).toBe(1);
  });

  test("200 subscribers share one re-run", async () => {
    const watchers = Array.from({ length: 200 }, () =>
      watchCounter(newClient(), "hot"),
    );
    await vi.waitFor(
      () => expect(watchers.every((values) => values.length === 1)).toBe(true),
      FAN_OUT_WAIT,
    );
    const writer = newClient();
    server.engine.runs.clear();
    server.engine.overlapChecks = 0;
    await writer.mutation(increment, { name: "unrelated" });
    // Subscribers that joined at one timestamp share one watch.
    expect(server.engine.overlapChecks).toBe(1);

    await writer.mutation(increment, { name: "hot" });
    await vi.waitFor(
      () => expect(watchers.every((values) => values.at(-1) === 1)).toBe(true),
      FAN_OUT_WAIT,
    );
    // All 200 re-run at the commit's timestamp and share one engine run.
    expect(server.engine.runs.get("counter:get")).toBe(1);
  });

  test("subscribers across commits share one watch", async () => {
    const writer = newClient();
    const watchers: number[][] = [];
    for (let index = 0; index < 30; index++) {
      const values = watchCounter(newClient(), "joined");
      await vi.waitFor(() => expect(values).toEqual([0]), FAN_OUT_WAIT);
      watchers.push(values);
      await writer.mutation(increment, { name: `other-${index}` });
    }
    server.engine.runs.clear();
    server.engine.overlapChecks = 0;
    await writer.mutation(increment, { name: "unrelated" });
    expect(server.engine.overlapChecks).toBe(1);

    await writer.mutation(increment, { name: "joined" });
    await vi.waitFor(
      () => expect(watchers.every((values) => values.at(-1) === 1)).toBe(true),
      FAN_OUT_WAIT,
    );
    expect(server.engine.runs.get("counter:get")).toBe(1);
  });
});

describe("ConvexReactClient", () => {
  test("watchQuery updates after mutation", async () => {
    const client = new ConvexReactClient(server.url, {
      webSocketConstructor: WebSocket as unknown as typeof globalThis.WebSocket,
      logger: false,
    });
    clients.push(client);
    const watch = client.watchQuery(getCounter, { name: "react" });
    const values: (number | undefined)[] = [];
    const unsubscribe = watch.onUpdate(() =>
      values.push(watch.localQueryResult()),
    );
    await vi.waitFor(() => expect(values).toContain(0), { timeout: 5_000 });
    await client.mutation(increment, { name: "react" });
    expect(watch.localQueryResult()).toBe(1);
    unsubscribe();
  });
});
