"use client";

import { api } from "@intake/backend/api";
import type { Id } from "@intake/backend/dataModel";
import { getIntakeErrorData } from "@intake/backend/errors";
import { FileUploadError, type FileUploader } from "@intake/ui";
import { useAction, useMutation } from "convex/react";

import { useMessages } from "../i18n/locale-context";

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
      throw new FileUploadError(uploadErrorText(error, text));
    }
  };
}

function uploadErrorText(
  error: unknown,
  text: ReturnType<typeof useMessages>["upload"],
): string {
  const kind: string | undefined = getIntakeErrorData(error)?.kind;
  if (kind === "invalidFile") return text.rejected;
  if (kind === "formNotFound" || kind === "rateLimited") {
    return text.unavailable;
  }
  return text.failed;
}
