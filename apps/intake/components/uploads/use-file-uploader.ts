"use client";

import type { Id } from "@intake/backend/dataModel";
import { getIntakeErrorData } from "@intake/backend/errors";
import { FileUploadError, type FileUploader } from "@intake/ui";

import { api } from "../api";
import { useAction, useMutation } from "../convex-client";
import { useMessages } from "../i18n/locale-context";
import { minutesToWait } from "../submit-errors";

/**
 * Returns the uploader for a form's file fields: it requests
 * `uploads:generateUploadUrl` for a one-time URL, posts the file there,
 * records it with the `uploads:register` action and resolves to the file
 * answer.
 * The backend attaches the file to the submission only on submit, and
 * deletes unattached uploads after a day. Returns null until the visit
 * has a visitor id.
 */
export function useFileUploader(
  slug: string,
  visitorId: string | null,
): FileUploader | null {
  const generateUploadUrl = useMutation(api.uploads.generateUploadUrl);
  const register = useAction(api.uploads.register);
  const text = useMessages().upload;

  if (visitorId === null) return null;

  return async (file, { onProgress, signal }) => {
    try {
      const url = await generateUploadUrl({ slug, visitorId });
      // The request code loads with the first upload.
      const { postFile } = await import("./post-file");
      const storageId = await postFile(url, file, { onProgress, signal });
      const stored = await register({
        slug,
        visitorId,
        storageId: storageId as Id<"_storage">,
        name: file.name,
      });
      return {
        storageId,
        name: stored.name ?? file.name,
        contentType: stored.contentType,
        size: stored.size,
      };
    } catch (error) {
      throw new FileUploadError(describeUploadError(error, text));
    }
  };
}

/**
 * Maps an error of the upload steps to the text shown under the file
 * field. It branches on the error kind and never shows the server's text.
 */
export function describeUploadError(
  error: unknown,
  text: ReturnType<typeof useMessages>["upload"],
): string {
  const data = getIntakeErrorData(error);
  if (data?.kind === "invalidFile") return text.rejected;
  if (data?.kind === "rateLimited") {
    const minutes = minutesToWait(data.retryAfterMs);
    return data.scope === "form"
      ? text.formBusy(minutes)
      : text.rateLimited(minutes);
  }
  if (data?.kind === "formNotFound") return text.unavailable;
  return text.failed;
}
