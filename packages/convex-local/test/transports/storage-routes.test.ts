import { ConvexHttpClient } from "convex/browser";
import { makeFunctionReference } from "convex/server";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startApiServer } from "../../src/http/api-server.js";
import type { RunningServer } from "../../src/http/site-server.js";
import { startTestEngine, type TestEngine } from "../engine/helpers.js";
import { memoryLogger } from "./harness.js";

const generateUploadUrl = makeFunctionReference<
  "mutation",
  Record<string, never>,
  string
>("files:generateUploadUrl");
const describeFile = makeFunctionReference<
  "query",
  { id: string },
  { size: number | null; contentType: string | null; url: string | null }
>("files:describe");

let engine: TestEngine;
let server: RunningServer;
let client: ConvexHttpClient;

beforeAll(async () => {
  engine = await startTestEngine("basic-app");
  server = await startApiServer({
    engine: engine.engine,
    port: 0,
    logger: memoryLogger(),
  });
  client = new ConvexHttpClient(`http://127.0.0.1:${server.port}`);
});

afterAll(async () => {
  await server.close();
  await engine.close();
});

/** Points a URL under the engine's cloud URL at the test server. */
function onServer(url: string): string {
  const parsed = new URL(url);
  parsed.port = String(server.port);
  return parsed.toString();
}

async function post(url: string, body: string, contentType = "image/png") {
  return await fetch(onServer(url), {
    method: "POST",
    headers: { "Content-Type": contentType },
    body,
  });
}

test("upload url stores the body", async () => {
  const uploadUrl = await client.mutation(generateUploadUrl, {});
  const response = await post(uploadUrl, "picture bytes");
  expect(response.status).toBe(200);
  const { storageId } = (await response.json()) as { storageId: string };

  const file = await client.query(describeFile, { id: storageId });
  expect(file.size).toBe("picture bytes".length);
  expect(file.contentType).toBe("image/png");
  expect(file.url).not.toBeNull();

  const download = await fetch(onServer(file.url!));
  expect(download.status).toBe(200);
  expect(download.headers.get("content-type")).toBe("image/png");
  expect(download.headers.get("x-content-type-options")).toBe("nosniff");
  expect(await download.text()).toBe("picture bytes");
});

test("upload url works once", async () => {
  const uploadUrl = await client.mutation(generateUploadUrl, {});
  expect((await post(uploadUrl, "first")).status).toBe(200);

  const again = await post(uploadUrl, "second");
  expect(again.status).toBe(400);
  const body = (await again.json()) as { code: string; message: string };
  expect(body.code).toBe("InvalidUploadToken");
  expect(body.message).toMatch(/generateUploadUrl again/);
});

test.each([
  [
    "unknown token",
    "/api/storage/upload?token=not-issued",
    "InvalidUploadToken",
  ],
  ["missing token", "/api/storage/upload", "MissingUploadToken"],
])("upload with %s fails", async (_case, path, code) => {
  const before = engine.engine.countDocuments("", "_storage");
  const response = await fetch(`http://127.0.0.1:${server.port}${path}`, {
    method: "POST",
    body: "bytes",
  });
  expect(response.status).toBe(400);
  expect(((await response.json()) as { code: string }).code).toBe(code);
  expect(engine.engine.countDocuments("", "_storage")).toBe(before);
});

test("missing file url is 404", async () => {
  const uploadUrl = await client.mutation(generateUploadUrl, {});
  const { storageId } = (await (await post(uploadUrl, "gone")).json()) as {
    storageId: string;
  };
  const { url } = await client.query(describeFile, { id: storageId });
  await engine.mutation("files:remove", { id: storageId });

  const response = await fetch(onServer(url!));
  expect(response.status).toBe(404);
  expect(((await response.json()) as { code: string }).code).toBe(
    "FileNotFound",
  );
});
