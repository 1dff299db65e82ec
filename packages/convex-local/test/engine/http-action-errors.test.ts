import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestEngine, type TestEngine } from "./helpers";

let t: TestEngine;

beforeAll(async () => {
  t = await startTestEngine("fidelity-app");
});

afterAll(async () => {
  await t.close();
});

type ErrorBody = { code: string; trace: string; data?: unknown };

async function fail(path: string): Promise<ErrorBody> {
  const response = await t.engine.runHttpAction(
    new Request(`http://127.0.0.1${path}`),
  );
  expect(response.status).toBe(500);
  expect(response.headers.get("content-type")).toBe("application/json");
  return (await response.json()) as ErrorBody;
}

test("HTTP action error body", async () => {
  const body = await fail("/boom");
  expect(body.code).toMatch(
    /^\[Request ID: [0-9a-f]{16}\] Server Error: Uncaught Error: route failed$/,
  );
  expect(body.trace).toMatch(/^Uncaught Error: route failed\n\s+at /);
  expect(body).not.toHaveProperty("data");
});

test("HTTP action ConvexError data", async () => {
  const body = await fail("/convex-boom");
  expect(body.code).toContain("Server Error: Uncaught ConvexError:");
  expect(body.data).toEqual({ kind: "routeLocked" });
});
