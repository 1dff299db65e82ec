"use client";

import { Button } from "@intake/ui";
import { useConvex } from "convex/react";
import { useState } from "react";

import {
  buildSubmissionsCsv,
  downloadCsv,
  type ExportRequest,
} from "@/lib/export-csv";

/**
 * Downloads the filtered submissions of one form as CSV. The backend
 * records the export in the audit log while it returns the pages.
 * `request` is null while no single form is chosen, because the columns
 * come from one form.
 */
export function ExportButton({
  request,
  fileName,
}: {
  request: ExportRequest | null;
  fileName: string;
}) {
  const convex = useConvex();
  const [progress, setProgress] = useState<number | null>(null);
  const [message, setMessage] = useState("");
  const [failure, setFailure] = useState("");

  async function exportCsv() {
    if (request === null) return;
    setFailure("");
    setMessage("");
    setProgress(0);
    try {
      const { csv, rowCount } = await buildSubmissionsCsv(
        convex,
        request,
        setProgress,
      );
      downloadCsv(csv, fileName);
      setMessage(`Exported ${rowCount} submissions.`);
    } catch {
      setFailure("Could not export the submissions. Try again in a moment.");
    } finally {
      setProgress(null);
    }
  }

  return (
    <div className="flex flex-col gap-1 print:hidden">
      <Button
        variant="secondary"
        pending={progress !== null}
        onClick={exportCsv}
        aria-disabled={request === null || undefined}
        className="self-start"
      >
        Export CSV
      </Button>
      {request === null && (
        <p className="text-muted text-sm">Choose a form to export.</p>
      )}
      <p role="status" aria-live="polite" className="text-sm">
        {progress !== null ? `Exporting… ${progress} rows so far.` : message}
      </p>
      <p role="alert" className="text-danger text-sm">
        {failure}
      </p>
    </div>
  );
}
