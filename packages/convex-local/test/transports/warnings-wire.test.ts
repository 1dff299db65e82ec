import { ConvexClient } from "convex/browser";
import { makeFunctionReference } from "convex/server";
import { afterAll, beforeAll, expect, test } from "vitest";
import WebSocket from "ws";
import { startEngineServer, type EngineServer } from "./harness.js";

const scheduleMany = makeFunctionReference<
  "mutation",
  { count: number; length: number },
  null
>("usage:scheduleMany");

const WARNING =
  "[WARN] Many functions scheduled by this mutation (actual: 801, limit: 1000).";

let server: EngineServer;

beforeAll(async () => {
  server = await startEngineServer("basic-app");
});

afterAll(async () => {
  await server.close();
});

test("HTTP API returns the warning line", async () => {
  const response = await fetch(`${server.url}/api/mutation`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      path: "usage:scheduleMany",
      args: { count: 801, length: 0 },
      format: "json",
    }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { logLines: string[] };
  expect(body.logLines).toEqual([WARNING]);
});

test("sync client logs the warning line", async () => {
  const logged: unknown[][] = [];
  const client = new ConvexClient(server.url, {
    webSocketConstructor: WebSocket as unknown as typeof globalThis.WebSocket,
    logger: {
      logVerbose() {},
      log: (...args: unknown[]) => logged.push(args),
      warn: (...args: unknown[]) => logged.push(args),
      error: (...args: unknown[]) => logged.push(args),
    },
  });
  const reported: string[] = [];
  const stop = server.engine.engine.onFunctionLog((udfPath, _id, lines) => {
    if (udfPath === "usage:scheduleMany") reported.push(...lines);
  });
  try {
    await client.mutation(scheduleMany, { count: 801, length: 0 });
  } finally {
    stop();
    await client.close();
  }
  // The client prints `[LEVEL]` after the function name and the message
  // as its own argument.
  expect(logged).toContainEqual([
    "%c[CONVEX M(usage:scheduleMany)] [WARN]",
    "color:rgb(0, 145, 255)",
    WARNING.slice("[WARN] ".length),
  ]);
  // The dev CLI prints the lines that `onFunctionLog` reports.
  expect(reported).toEqual([WARNING]);
});
