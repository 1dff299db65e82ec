"use client";

import { useEffect, useState } from "react";

import { renderQrDataUrl } from "@/lib/qr-code";

/** Renders the QR code of `url` as an image labelled with the form's title. */
export function QrCodeImage({ url, title }: { url: string; title: string }) {
  const [rendered, setRendered] = useState<{ url: string; src: string }>();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    renderQrDataUrl(url).then(
      (src) => {
        if (current) setRendered({ url, src });
      },
      (error: unknown) => {
        console.error("QR code rendering failed", error);
        if (current) setFailed(true);
      },
    );
    return () => {
      current = false;
    };
  }, [url]);

  if (failed) {
    return (
      <p role="alert" className="text-danger text-sm">
        Could not draw the QR code. Share the link instead.
      </p>
    );
  }
  if (rendered?.url !== url) {
    return <p className="text-muted text-sm">Drawing the QR code…</p>;
  }
  return (
    // A data URL needs no image optimization, so next/image adds nothing.
    <img
      src={rendered.src}
      alt={`QR code for ${title}`}
      width={240}
      height={240}
      className="border-border-subtle rounded-md border bg-white"
    />
  );
}
