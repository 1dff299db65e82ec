"use client";

import { convexQuery } from "@convex-dev/react-query";
import { api } from "@intake/backend/api";
import type { Id } from "@intake/backend/dataModel";
import type { FileAnswer, SignatureAnswer } from "@intake/form-schema";
import { useQuery } from "@tanstack/react-query";

/**
 * Draws a signature answer as an SVG of its strokes. Each stroke is a flat
 * list x0, y0, x1, y1, … in the pad's pixels, so the view box is the pad.
 */
export function SignatureView({ signature }: { signature: SignatureAnswer }) {
  return (
    <svg
      role="img"
      aria-label="Signature"
      viewBox={`0 0 ${signature.width} ${signature.height}`}
      className="border-border-subtle h-auto w-full max-w-sm rounded-md border bg-white"
    >
      {signature.strokes.map((stroke, index) => {
        const points: string[] = [];
        for (let at = 0; at + 1 < stroke.length; at += 2) {
          points.push(`${stroke[at]},${stroke[at + 1]}`);
        }
        return (
          <polyline
            key={index}
            points={points.join(" ")}
            fill="none"
            stroke="black"
            strokeWidth={2}
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        );
      })}
    </svg>
  );
}

/**
 * Shows an uploaded file through `submissions:fileUrl`: images inline and
 * other files as a link. The URL is requested only for staff of the clinic.
 */
export function FileView({
  submissionId,
  file,
}: {
  submissionId: Id<"submissions">;
  file: FileAnswer;
}) {
  const url = useQuery(
    convexQuery(api.submissions.fileUrl, {
      submissionId,
      storageId: file.storageId,
    }),
  );
  if (url.isError || url.data === null) {
    return <span>{file.name} (file is no longer available)</span>;
  }
  if (url.data === undefined) {
    return <span>{file.name}</span>;
  }
  if (
    file.contentType.startsWith("image/") &&
    file.contentType !== "image/heic"
  ) {
    return (
      <a href={url.data} target="_blank" rel="noreferrer">
        <img src={url.data} alt={file.name} className="max-h-64 rounded-md" />
      </a>
    );
  }
  return (
    <a
      href={url.data}
      target="_blank"
      rel="noreferrer"
      className="text-accent underline"
    >
      {file.name}
    </a>
  );
}
