"use client";

import type { FileAnswer } from "@intake/form-schema";
import { createContext, useContext, type ReactNode } from "react";

/** Options of one {@link FileUploader} call. */
export interface FileUploadOptions {
  /** Id of the file field, or `<group>.<index>.<field>` inside a group. */
  fieldKey: string;
  /** Receives the share of bytes sent so far, from 0 to 1. */
  onProgress: (fraction: number) => void;
  /** Aborts the upload when the patient removes the file. */
  signal: AbortSignal;
}

/**
 * Stores a chosen file and resolves to its answer. The app supplies it,
 * because only the app has a backend client. A rejection with a
 * {@link FileUploadError} shows that error's message to the patient.
 */
export type FileUploader = (
  file: File,
  options: FileUploadOptions,
) => Promise<FileAnswer>;

/** An upload failure whose message is written for the patient. */
export class FileUploadError extends Error {
  override name = "FileUploadError";
}

const FileUploaderContext = createContext<FileUploader | null>(null);

/** Props of {@link FileUploaderProvider}. */
export interface FileUploaderProviderProps {
  uploader: FileUploader | null;
  children: ReactNode;
}

/** Supplies the uploader that file fields below it use. */
export function FileUploaderProvider({
  uploader,
  children,
}: FileUploaderProviderProps) {
  return (
    <FileUploaderContext.Provider value={uploader}>
      {children}
    </FileUploaderContext.Provider>
  );
}

/** Returns the uploader of the nearest provider, or null without one. */
export function useFileUploader(): FileUploader | null {
  return useContext(FileUploaderContext);
}
