"use client";

import type { FileAnswer, SignatureAnswer } from "@intake/form-schema";

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
 * Shows an uploaded file: images inline and other files as a link. `url`
 * comes from the audited `submissions:open` or `submissions:print`, and
 * is null once the file is gone.
 */
export function FileView({
  file,
  url,
}: {
  file: FileAnswer;
  url: string | null;
}) {
  if (url === null) {
    return <span>{file.name} (file is no longer available)</span>;
  }
  if (
    file.contentType.startsWith("image/") &&
    file.contentType !== "image/heic"
  ) {
    return (
      <a href={url} target="_blank" rel="noreferrer">
        <img src={url} alt={file.name} className="max-h-64 rounded-md" />
      </a>
    );
  }
  return (
    <a
      href={url}
      target="_blank"
      rel="noreferrer"
      className="text-accent underline"
    >
      {file.name}
    </a>
  );
}
