import { createServer, type IncomingMessage } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { expect, test } from "vitest";
import { HttpError } from "./errors";
import { readBody, readJsonObject, sendHttpError, sendJson } from "./io";

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

/**
 * Serves `readBody` with a 1000-byte limit on 127.0.0.1 and replies with
 * its outcome. Listens at 20 past INTAKE_PORT_BASE when that is set, and
 * on a free port otherwise.
 */
async function startBodyServer() {
  const server = createServer((request, response) => {
    readBody(request, 1000).then(
      (body) => sendJson(response, 200, { bytes: body.length }),
      (error: HttpError) => sendHttpError(response, error),
    );
  });
  const base = process.env.INTAKE_PORT_BASE;
  const requested = base ? Number(base) + 20 : 0;
  await new Promise<void>((resolve) =>
    server.listen(requested, "127.0.0.1", resolve),
  );
  return { server, port: (server.address() as AddressInfo).port };
}

/** Sends raw request bytes and resolves with the first response line. */
function firstResponseLine(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(request));
    socket.setTimeout(2000, () => {
      socket.destroy();
      resolve("timed out");
    });
    socket.once("data", (data) => {
      socket.destroy();
      resolve(data.toString("latin1").split("\r\n")[0]!);
    });
    socket.once("error", reject);
  });
}

test("declared oversized body gets 413 at once", async () => {
  const { server, port } = await startBodyServer();
  try {
    // The client declares 5000 bytes but sends only the headers and a few.
    const declared = await firstResponseLine(
      port,
      "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5000\r\n\r\nabc",
    );
    expect(declared).toBe("HTTP/1.1 413 Payload Too Large");

    const small = await firstResponseLine(
      port,
      "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 3\r\n\r\nabc",
    );
    expect(small).toBe("HTTP/1.1 200 OK");
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
