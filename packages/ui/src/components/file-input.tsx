"use client";

import type { FileAnswer } from "@intake/form-schema";
import { useEffect, useRef, useState, type ChangeEvent } from "react";

import { cn } from "../lib/cn";
import { textControlClass } from "../lib/control-styles";
import {
  DEFAULT_FILE_TYPES,
  MAX_FILE_BYTES,
  fileType,
  formatBytes,
  typeNames,
} from "../lib/file-format";
import { useUiText } from "../text/ui-text-context";
import { Button } from "./button";
import { FileUploadError, useFileUploader } from "./file-upload-context";

/** Props of {@link FileInput}. */
export interface FileInputProps {
  /** Id of the native file input, which the field's label points at. */
  id: string;
  /** Field id, or `<group>.<index>.<field>` inside a group. */
  fieldKey: string;
  value: FileAnswer | undefined;
  onChange: (value: FileAnswer | undefined) => void;
  onBlur?: () => void;
  /** Accepted MIME types. */
  accept?: readonly string[];
  maxSizeBytes?: number;
  /** Opens the back camera on phones instead of the file picker. */
  capture?: boolean;
  describedBy?: string;
  invalid?: boolean;
  required?: boolean;
}

type UploadState =
  | { kind: "idle" }
  | { kind: "uploading"; name: string; percent: number }
  | { kind: "failed"; message: string };

/**
 * Lets the patient choose one file, checks its type and size, and sends it
 * with the app's {@link FileUploader}. It shows the chosen file's name and
 * size with a Remove button, the upload progress, and any error, in a
 * polite live region.
 */
export default function FileInput({
  id,
  fieldKey,
  value,
  onChange,
  onBlur,
  accept = DEFAULT_FILE_TYPES,
  maxSizeBytes = MAX_FILE_BYTES,
  capture = false,
  describedBy,
  invalid = false,
  required = false,
}: FileInputProps) {
  const ui = useUiText();
  const text = ui.file;
  const upload = useFileUploader();
  const inputRef = useRef<HTMLInputElement>(null);
  const abortRef = useRef<AbortController | null>(null);
  const [state, setState] = useState<UploadState>({ kind: "idle" });
  const [announcement, setAnnouncement] = useState("");
  const maxSize = formatBytes(
    Math.min(maxSizeBytes, MAX_FILE_BYTES),
    ui.locale,
  );
  const types = typeNames(accept);
  const statusId = `${id}-file-status`;

  useEffect(() => () => abortRef.current?.abort(), []);

  function fail(message: string) {
    setState({ kind: "failed", message });
    if (inputRef.current) inputRef.current.value = "";
  }

  async function handleChange(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;

    if (!accept.includes(fileType(file))) {
      fail(text.wrongType(types));
      return;
    }
    if (file.size > Math.min(maxSizeBytes, MAX_FILE_BYTES)) {
      fail(text.tooLarge(maxSize));
      return;
    }
    if (upload === null) {
      fail(text.failed);
      return;
    }

    abortRef.current?.abort();
    const controller = new AbortController();
    abortRef.current = controller;
    setAnnouncement("");
    setState({ kind: "uploading", name: file.name, percent: 0 });

    try {
      const answer = await upload(file, {
        fieldKey,
        signal: controller.signal,
        onProgress: (fraction) =>
          setState({
            kind: "uploading",
            name: file.name,
            percent: Math.round(Math.min(Math.max(fraction, 0), 1) * 100),
          }),
      });
      if (controller.signal.aborted) return;
      setState({ kind: "idle" });
      setAnnouncement(text.uploaded);
      onChange(answer);
    } catch (error) {
      if (controller.signal.aborted) return;
      fail(error instanceof FileUploadError ? error.message : text.failed);
    } finally {
      if (abortRef.current === controller) abortRef.current = null;
    }
  }

  function remove() {
    abortRef.current?.abort();
    abortRef.current = null;
    setState({ kind: "idle" });
    setAnnouncement(text.removed);
    if (inputRef.current) inputRef.current.value = "";
    onChange(undefined);
    inputRef.current?.focus();
  }

  let status = value
    ? text.chosen(value.name, formatBytes(value.size, ui.locale))
    : text.none;
  if (state.kind === "uploading") status = text.uploading(state.percent);

  return (
    <div className="flex flex-col gap-2">
      <p className="text-base text-muted">{text.limits(types, maxSize)}</p>
      <input
        ref={inputRef}
        id={id}
        name={fieldKey}
        type="file"
        accept={accept.join(",")}
        capture={capture ? "environment" : undefined}
        onChange={handleChange}
        onBlur={onBlur}
        aria-describedby={cn(statusId, describedBy)}
        aria-invalid={invalid || undefined}
        aria-required={required || undefined}
        className={cn(
          textControlClass,
          "file:mr-3 file:rounded-md file:border-0 file:bg-accent-soft file:px-3 file:py-1 file:font-semibold file:text-accent",
        )}
      />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p id={statusId} aria-live="polite" className="font-semibold break-all">
          {status}
        </p>
        {value || state.kind === "uploading" ? (
          <Button variant="secondary" onClick={remove}>
            {text.remove}
          </Button>
        ) : null}
      </div>
      {state.kind === "uploading" ? (
        <progress
          aria-hidden="true"
          max={100}
          value={state.percent}
          className="h-2 w-full"
        />
      ) : null}
      <p role="alert" className="font-semibold text-danger">
        {state.kind === "failed" ? state.message : null}
      </p>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
