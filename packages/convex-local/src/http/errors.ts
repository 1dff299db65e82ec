/**
 * An infrastructure error, sent as an HTTP error status with the body
 * `{code, message}` the way real Convex reports failures that are not
 * function errors.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    /** Short error code, for example `BadJsonBody`. */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

/** Returns a 400 `HttpError` for a malformed request. */
export function badRequest(code: string, message: string): HttpError {
  return new HttpError(400, code, message);
}
