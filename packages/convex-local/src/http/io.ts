import type { IncomingMessage, ServerResponse } from "node:http";
import { badRequest, HttpError } from "./errors.js";

/** Largest request body accepted, in bytes: 16 MiB of arguments plus room. */
export const MAX_BODY_BYTES = 20 * 1024 * 1024;

/**
 * Parses a request target as a URL on 127.0.0.1. A path that starts with
 * `//` stays a path: `new URL(target, base)` would read its first segment
 * as a host and route the rest, so `//x/echo` would reach `/echo`.
 */
export function requestUrl(target: string | undefined): URL {
  const path = target ?? "/";
  return path.startsWith("/")
    ? new URL(`http://127.0.0.1${path}`)
    : new URL(path, "http://127.0.0.1");
}

/** Reads a whole request body, rejecting bodies over `limit` bytes with 413. */
export async function readBody(
  request: IncomingMessage,
  limit = MAX_BODY_BYTES,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) {
      throw new HttpError(
        413,
        "PayloadTooLarge",
        `Request body is larger than the maximum of ${limit} bytes`,
      );
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Reads a JSON object body. An empty body reads as `{}`; anything that is
 * not a JSON object is a 400 `BadJsonBody`.
 */
export async function readJsonObject(
  request: IncomingMessage,
): Promise<Record<string, unknown>> {
  const body = (await readBody(request)).toString("utf8");
  if (body.trim() === "") {
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    throw badRequest(
      "BadJsonBody",
      `Failed to parse the request body as JSON: ${(error as Error).message}`,
    );
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw badRequest("BadJsonBody", "The request body must be a JSON object");
  }
  return parsed as Record<string, unknown>;
}

/** Sends a JSON response with `status`. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
): void {
  const text = JSON.stringify(body);
  response.statusCode = status;
  response.setHeader("Content-Type", "application/json");
  response.setHeader("Content-Length", Buffer.byteLength(text));
  response.end(text);
}

/** Sends an `HttpError` as `{code, message}`. */
export function sendHttpError(response: ServerResponse, error: HttpError) {
  sendJson(response, error.status, {
    code: error.code,
    message: error.message,
  });
}
