import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";
import { expect, test } from "vitest";
import { HttpError } from "./errors";
import { readBody, readJsonObject } from "./io";

function request(...chunks: string[]): IncomingMessage {
  return Readable.from(chunks.map((chunk) => Buffer.from(chunk))) as never;
}

test("reads a body sent in several chunks", async () => {
  const body = await readBody(request('{"a":', "1", "}"));
  expect(body.toString("utf8")).toBe('{"a":1}');
  expect(await readJsonObject(request('{"b":', "2}"))).toEqual({ b: 2 });
});

test("reads an empty body as no bytes and an empty object", async () => {
  expect((await readBody(request())).length).toBe(0);
  expect(await readJsonObject(request())).toEqual({});
});

test("rejects a body over the limit with 413", async () => {
  const error = await readBody(request("12345", "67890"), 8).catch(
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(HttpError);
  expect((error as HttpError).status).toBe(413);
  expect((error as HttpError).message).toBe(
    "Request body is larger than the maximum of 8 bytes",
  );
});

test("accepts a body of exactly the limit", async () => {
  const body = await readBody(request("1234", "5678"), 8);
  expect(body.toString("utf8")).toBe("12345678");
});
