import type { IncomingMessage, ServerResponse } from "node:http";
import { MAX_HTTP_ACTION_BODY_BYTES } from "../engine/http-actions.js";
import type { Engine } from "../engine/types.js";
import type { Logger } from "../logger.js";
import { HttpError } from "./errors.js";
import { readBody, sendHttpError } from "./io.js";

/**
 * Converts a Node request into a fetch `Request` for `pathname` (with the
 * original query string) on the origin named by the Host header.
 */
async function toFetchRequest(
  request: IncomingMessage,
  pathname: string,
  search: string,
): Promise<Request> {
  const host = request.headers.host ?? "127.0.0.1";
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (Array.isArray(value)) {
      for (const item of value) {
        headers.append(name, item);
      }
    } else if (value !== undefined) {
      headers.set(name, value);
    }
  }
  const method = request.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  const body = hasBody
    ? await readBody(request, MAX_HTTP_ACTION_BODY_BYTES)
    : undefined;
  return new Request(`http://${host}${pathname}${search}`, {
    method,
    headers,
    body: body && body.length > 0 ? new Uint8Array(body) : undefined,
  });
}

/** Streams a fetch `Response` to a Node response. */
async function writeFetchResponse(
  response: ServerResponse,
  result: Response,
  method: string,
): Promise<void> {
  response.statusCode = result.status;
  const cookies = result.headers.getSetCookie();
  result.headers.forEach((value, name) => {
    if (name !== "set-cookie") {
      response.setHeader(name, value);
    }
  });
  if (cookies.length > 0) {
    response.setHeader("Set-Cookie", cookies);
  }
  if (!result.body) {
    response.end();
    return;
  }
  if (method === "HEAD") {
    // The action ends with its body, which a HEAD response leaves unread.
    await result.body.cancel();
    response.end();
    return;
  }
  const reader = result.body.getReader();
  // A client that goes away cancels the body, so the action ends instead
  // of streaming on.
  const onClose = () => {
    if (!response.writableFinished) reader.cancel().catch(() => {});
  };
  response.once("close", onClose);
  // A client may also have gone while the action ran, before this listener.
  if (response.destroyed) onClose();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || response.destroyed) break;
      if (!response.write(value)) await drained(response);
    }
  } finally {
    response.off("close", onClose);
  }
  response.end();
}

/** Resolves when `response` can take more data or has closed. */
function drained(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off("drain", done);
      response.off("close", done);
      resolve();
    };
    response.once("drain", done);
    response.once("close", done);
  });
}

/**
 * Serves one request with the app's HTTP router through
 * `engine.runHttpAction`. `pathname` is the route path, for example the
 * request path without the `/http` prefix on the API port.
 */
export async function serveHttpAction(
  engine: Engine,
  logger: Logger,
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
  search: string,
): Promise<void> {
  let fetchRequest: Request;
  try {
    fetchRequest = await toFetchRequest(request, pathname, search);
  } catch (error) {
    sendHttpError(
      response,
      error instanceof HttpError
        ? error
        : new HttpError(400, "BadRequest", `Invalid request: ${String(error)}`),
    );
    return;
  }
  let result: Response;
  try {
    result = await engine.runHttpAction(fetchRequest);
  } catch (error) {
    logger.error(
      `HTTP action ${request.method} ${pathname} failed: ${String(error)}`,
    );
    sendHttpError(
      response,
      new HttpError(500, "InternalServerError", String(error)),
    );
    return;
  }
  await writeFetchResponse(response, result, request.method ?? "GET");
}
