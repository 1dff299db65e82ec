import { createHash } from "node:crypto";
import { randomBytes } from "./random-pool";

/**
 * Creates a request ID the way Convex does for HTTP calls: 8 random bytes
 * in lowercase hex (crates/common/src/execution_context.rs).
 */
export function newRequestId(): string {
  const bytes = randomBytes(8);
  return Buffer.from(bytes.buffer, bytes.byteOffset, 8).toString("hex");
}

/**
 * Derives the request ID of a WebSocket call from its session and request
 * number, as Convex does: the first 16 hex digits of
 * SHA-256("<sessionId>|<requestId>").
 */
export function syncRequestId(sessionId: string, requestId: number): string {
  return createHash("sha256")
    .update(`${sessionId}|${requestId}`)
    .digest("hex")
    .slice(0, 16);
}

/**
 * Formats a function's error for a client as Convex's `RedactedJsError`
 * does with logging on: a `[Request ID: <id>] Server Error` line, then the
 * error and its stack. The client shows this text unchanged.
 */
export function serverErrorMessage(requestId: string, message: string): string {
  return `[Request ID: ${requestId}] Server Error\n${message}`;
}

/** System failures that reach clients as HTTP or protocol errors instead. */
const SYSTEM_CODES = new Set([
  "OptimisticConcurrencyControlFailure",
  "BadRequest",
]);

/**
 * Adds the server-error prefix to a failed top-level result. Failures
 * with a system code (write conflicts, malformed requests) keep their
 * text, because Convex sends those as `{code, message}` and not as
 * function errors.
 */
export function withServerErrorPrefix<
  Result extends { ok: boolean; errorMessage?: string; systemCode?: string },
>(result: Result, requestId: string): Result {
  if (result.ok || result.errorMessage === undefined) return result;
  if (result.systemCode !== undefined && SYSTEM_CODES.has(result.systemCode)) {
    return result;
  }
  return {
    ...result,
    errorMessage: serverErrorMessage(requestId, result.errorMessage),
  };
}
