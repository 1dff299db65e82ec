import { badRequest, HttpError } from "./errors.js";
import type { ApiRequest } from "./function-routes.js";
import { readBody, sendJson } from "./io.js";

/** Path prefix of the URLs that `ctx.storage.getUrl` returns. */
export const STORAGE_PREFIX = "/api/storage/";

/** Largest file one upload URL accepts, in bytes. */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

/**
 * Serves `POST /api/storage/upload?token=...`, the URL that
 * `ctx.storage.generateUploadUrl` returns: stores the body with the
 * request's `Content-Type` and responds with `{ storageId }`, as Convex does.
 */
export async function uploadFile(api: ApiRequest): Promise<void> {
  const { engine, logger, request, response, url } = api;
  const token = url.searchParams.get("token");
  if (!token) {
    throw badRequest(
      "MissingUploadToken",
      "The upload URL has no token. Call generateUploadUrl and post the file to the URL it returns.",
    );
  }
  if (!engine.storeUpload) {
    throw new HttpError(404, "NotFound", "This backend stores no uploads");
  }

  const bytes = await readBody(request, MAX_UPLOAD_BYTES);
  const contentType = request.headers["content-type"] ?? null;
  const storageId = await engine.storeUpload(token, bytes, contentType);
  if (storageId === null) {
    logger.warn("Rejected an upload with an unknown, used or expired token");
    throw badRequest(
      "InvalidUploadToken",
      "The upload URL is invalid, used or expired. Call generateUploadUrl again and post the file to the new URL.",
    );
  }
  sendJson(response, 200, { storageId });
}

/**
 * Serves `GET /api/storage/<storageId>`, the URL of `ctx.storage.getUrl`:
 * the file's bytes with its stored content type, or 404.
 */
export async function serveFile(
  api: ApiRequest,
  storageId: string,
): Promise<void> {
  const { engine, response } = api;
  const file = (await engine.readFile?.(storageId)) ?? null;
  if (file === null) {
    throw new HttpError(404, "FileNotFound", `File ${storageId} not found`);
  }
  response.statusCode = 200;
  response.setHeader(
    "Content-Type",
    file.contentType ?? "application/octet-stream",
  );
  response.setHeader("Content-Length", file.bytes.byteLength);
  // Uploaded files come from anyone who got an upload URL, so a browser
  // must not run them as pages of this origin.
  response.setHeader("X-Content-Type-Options", "nosniff");
  response.setHeader("Content-Security-Policy", "sandbox");
  response.end(file.bytes);
}
