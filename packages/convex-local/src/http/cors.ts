import type { IncomingMessage, ServerResponse } from "node:http";

/** Request headers a browser client of the API may send. */
const ALLOWED_HEADERS = "Authorization, Content-Type, Convex-Client";

/**
 * Adds the CORS headers that let apps on other origins call the HTTP API.
 * The origin is echoed rather than `*` so a browser also accepts responses
 * to requests sent with credentials.
 */
export function applyCors(
  request: IncomingMessage,
  response: ServerResponse,
): void {
  const origin = request.headers.origin;
  response.setHeader("Access-Control-Allow-Origin", origin ?? "*");
  if (origin) {
    response.setHeader("Vary", "Origin");
  }
  response.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
  response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
  response.setHeader("Access-Control-Max-Age", "86400");
}

/** Responds to a CORS preflight (`OPTIONS`) with 204 and no body. */
export function answerPreflight(
  request: IncomingMessage,
  response: ServerResponse,
): void {
  applyCors(request, response);
  response.statusCode = 204;
  response.end();
}
