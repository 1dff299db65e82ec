import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestEngine, type TestEngine } from "./helpers";

let t: TestEngine;

beforeAll(async () => {
  t = await startTestEngine("fidelity-app");
});

afterAll(async () => {
  await t.close();
});

describe("an error left uncaught fails its function", () => {
  test("rejection in a mutation, which writes nothing", async () => {
    await expect(t.mutation("uncaught:rejectInMutation")).rejects.toThrow(
      /Server Error\nUncaught Error: mutation left a rejection/,
    );
    expect(await t.query("uncaught:countLeftBehind")).toBe(0);
  });

  test("rejection in a query", async () => {
    await expect(t.query("uncaught:rejectInQuery")).rejects.toThrow(
      /Server Error\nUncaught Error: query left a rejection/,
    );
  });

  test("throwing timer callback in an action", async () => {
    await expect(t.action("uncaught:throwInTimer")).rejects.toThrow(
      /Server Error\nUncaught Error: timer callback threw/,
    );
  });

  test("rejection in an HTTP action", async () => {
    const response = await t.engine.runHttpAction(
      new Request("http://127.0.0.1/left-rejection"),
    );
    expect(response.status).toBe(500);
    const body = (await response.json()) as { code: string };
    expect(body.code).toMatch(
      /Server Error: Uncaught Error: route left a rejection$/,
    );
  });

  test("throwing timer callback while a body streams", async () => {
    const response = await t.engine.runHttpAction(
      new Request("http://127.0.0.1/stream-timer-throws"),
    );
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow("stream timer threw");
  });
});
