import type { IncomingMessage, ServerResponse } from "node:http";
import { loneSurrogateError } from "../engine/syscall-json.js";
import { badRequest, HttpError } from "./errors.js";

/** Largest request body accepted, in bytes: 16 MiB of arguments plus room. */
export const MAX_BODY_BYTES = 20 * 1024 * 1024;

/** Parsed targets without a query, which every call of one route repeats. */
const parsedPaths = new Map<string, URL>();
const MAX_PARSED_PATHS = 256;

/**
 * Parses a request target as a URL on 127.0.0.1. A path that starts with
 * `//` stays a path: `new URL(target, base)` would read its first segment
 * as a host and route the rest, so `//x/echo` would reach `/echo`. Targets
 * without a query share one parsed URL, which callers must not change.
 */
export function requestUrl(target: string | undefined): URL {
  const path = target ?? "/";
  const cached = parsedPaths.get(path);
  if (cached) return cached;
  const url = path.startsWith("/")
    ? new URL(`http://127.0.0.1${path}`)
    : new URL(path, "http://127.0.0.1");
  if (!path.includes("?")) {
    if (parsedPaths.size >= MAX_PARSED_PATHS) parsedPaths.clear();
    parsedPaths.set(path, url);
  }
  return url;
}

/**
 * Reads a whole request body, rejecting bodies over `limit` bytes with 413.
 * A `Content-Length` over the limit is rejected before any body arrives.
 */
export function readBody(
  request: IncomingMessage,
  limit = MAX_BODY_BYTES,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const rejectTooLarge = () => {
      // Drain the rest of the body, so the response can still be written.
      request.resume();
      reject(
        new HttpError(
          413,
          "PayloadTooLarge",
          `Request body is larger than the maximum of ${limit} bytes`,
        ),
      );
    };
    // Node's parser has already rejected a Content-Length that is not a number.
    const declared = Number(request.headers?.["content-length"] ?? 0);
    if (declared > limit) {
      rejectTooLarge();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.off("data", onData);
        rejectTooLarge();
        return;
      }
      chunks.push(chunk);
    };
    request.on("data", onData);
    request.once("end", () =>
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)),
    );
    request.once("error", reject);
  });
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
  const invalidJson = (reason: string) =>
    badRequest(
      "BadJsonBody",
      `Failed to parse the request body as JSON: ${reason}`,
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    throw invalidJson((error as Error).message);
  }
  // JSON.parse accepts a lone surrogate escape, which Convex's parser
  // rejects.
  const surrogate = loneSurrogateError(body);
  if (surrogate !== null) throw invalidJson(surrogate);
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
