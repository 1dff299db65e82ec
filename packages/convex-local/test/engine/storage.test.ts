import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestEngine, type TestEngine } from "./helpers";

let t: TestEngine;

beforeAll(async () => {
  t = await startTestEngine("basic-app");
});

afterAll(async () => {
  await t.close();
});

test("stored blob reads back", async () => {
  const id = (await t.action("files:upload", { text: "hello file" })) as string;
  expect(await t.action("files:download", { id })).toBe("hello file");
  const described = (await t.query("files:describe", { id })) as {
    size: number;
    contentType: string;
    url: string;
  };
  expect(described.size).toBe(10);
  expect(described.contentType).toBe("text/plain");
  expect(described.url).toBe(`http://127.0.0.1:1/api/storage/${id}`);
});

test("deleted blob is gone", async () => {
  const id = (await t.action("files:upload", { text: "bye" })) as string;
  await t.mutation("files:remove", { id });
  expect(await t.action("files:download", { id })).toBeNull();
});

test("engine stores files for uploads", async () => {
  const id = await t.engine.storeFile(
    new TextEncoder().encode("raw"),
    "application/octet-stream",
  );
  const file = await t.engine.readFile(id);
  expect(file?.bytes.toString()).toBe("raw");
  expect(file?.contentType).toBe("application/octet-stream");
});
