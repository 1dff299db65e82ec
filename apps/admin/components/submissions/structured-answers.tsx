"use client";

import type {
  FileAnswer,
  SignatureAnswer,
  TypedSignatureAnswer,
} from "@intake/form-schema";

/**
 * Shows a signature the patient typed: the name in the handwriting-like
 * font of the patient's preview, labelled as typed so staff can tell it
 * from a drawn one. The name is rendered as React text, never as markup.
 */
export function TypedSignatureView({
  signature,
}: {
  signature: TypedSignatureAnswer;
}) {
  return (
    <div className="flex flex-col gap-1">
      <p className="text-muted text-sm">Typed signature</p>
      <p className="font-signature border-border-subtle max-w-sm overflow-hidden rounded-md border bg-white px-3 py-2 text-3xl leading-tight break-words">
        {signature.typedName}
      </p>
    </div>
  );
}

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
