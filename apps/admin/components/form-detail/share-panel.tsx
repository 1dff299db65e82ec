import { env } from "@/env";
import { publicFormUrl } from "@/lib/qr-code";

import { QrCodeImage } from "./qr-code-image";

/** Shows the public link and QR code of a published form. */
export function SharePanel({ slug, title }: { slug: string; title: string }) {
  const url = publicFormUrl(env.intakeUrl, slug);

  return (
    <section
      aria-labelledby="share-heading"
      className="border-border-subtle flex flex-col gap-4 rounded-lg border bg-canvas p-4 sm:flex-row sm:items-start"
    >
      <div className="flex flex-1 flex-col gap-2">
        <h2 id="share-heading" className="text-lg font-semibold">
          Share
        </h2>
        <p className="text-muted">
          Patients open this link, or scan the code with their phone camera.
        </p>
        <a
          href={url}
          target="_blank"
          rel="noreferrer"
          className="text-accent font-medium break-all underline"
        >
          {url}
        </a>
      </div>
      <QrCodeImage url={url} title={title} />
    </section>
  );
}
