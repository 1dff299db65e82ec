"use client";

import { Button } from "@intake/ui";
import { useEffect, useState } from "react";
import { createPortal } from "react-dom";

import { downloadPng, downloadSvg } from "@/lib/posters/download";
import {
  layoutIds,
  layouts,
  type Layout,
  type LayoutId,
} from "@/lib/posters/layouts";
import { renderPosterSvg, type PosterText } from "@/lib/posters/poster-svg";

/**
 * Print rules: only the poster page prints, on a sheet of the layout's
 * size without printer margins, and no face is split across pages.
 */
function printCss(layout: Layout): string {
  // Half a millimetre below the sheet's height keeps rounding from
  // spilling an empty second page.
  const height = layout.pageHeight - 0.5;
  return `
@media screen { .poster-print { display: none; } }
@media print {
  @page { size: ${layout.pageSize}; margin: 0; }
  body > *:not(.poster-print) { display: none !important; }
  .poster-print { display: block; height: ${height}mm; overflow: hidden; }
  .poster-print svg { display: block; break-inside: avoid; }
}`;
}

/**
 * Shows a poster in the chosen layout at its printed size, and prints or
 * downloads it as SVG or PNG. The page rendered for printing is a direct
 * child of `body`, so the print rules can hide everything else.
 */
export function PosterPreview({
  text,
  fileStem,
}: {
  text: PosterText;
  /** File name without extension for downloads. */
  fileStem: string;
}) {
  const [layoutId, setLayoutId] = useState<LayoutId>("letter-poster");
  const [rendered, setRendered] = useState<{ key: string; svg: string }>();
  const [failed, setFailed] = useState(false);
  const layout = layouts[layoutId];
  const key = `${layoutId} ${text.url} ${text.clinicName} ${text.formTitle}`;

  useEffect(() => {
    let current = true;
    setFailed(false);
    renderPosterSvg(layout, text).then(
      (svg) => {
        if (current) setRendered({ key, svg });
      },
      (error: unknown) => {
        console.error("Poster rendering failed", error);
        if (current) setFailed(true);
      },
    );
    return () => {
      current = false;
    };
    // `key` covers every input of the rendering.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const svg = rendered?.key === key ? rendered.svg : null;
  const fileName = `${fileStem}-${layoutId}`;

  return (
    <section aria-labelledby="preview-heading" className="flex flex-col gap-4">
      <h2 id="preview-heading" className="text-lg font-semibold">
        Print
      </h2>
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-sm font-medium">
          Layout
          <select
            value={layoutId}
            onChange={(event) => setLayoutId(event.target.value as LayoutId)}
            className="rounded-md border border-border-subtle bg-canvas px-3 py-2 text-base"
          >
            {layoutIds.map((id) => (
              <option key={id} value={id}>
                {layouts[id].label}
              </option>
            ))}
          </select>
        </label>
        <Button disabled={svg === null} onClick={() => window.print()}>
          Print
        </Button>
        <Button
          variant="secondary"
          disabled={svg === null}
          onClick={() => svg && downloadSvg(svg, `${fileName}.svg`)}
        >
          Download SVG
        </Button>
        <Button
          variant="secondary"
          disabled={svg === null}
          onClick={() => {
            if (svg) {
              downloadPng(svg, layout, `${fileName}.png`).catch(
                (error: unknown) => {
                  console.error("PNG export failed", error);
                  setFailed(true);
                },
              );
            }
          }}
        >
          Download PNG
        </Button>
      </div>
      {failed ? (
        <p role="alert" className="text-danger text-sm">
          Could not draw the poster. Reload the page to try again.
        </p>
      ) : null}
      {svg === null ? (
        <p role="status" className="text-muted text-sm">
          Drawing the poster…
        </p>
      ) : (
        <>
          <div className="overflow-auto rounded-md border border-border-subtle bg-white p-2">
            <div
              data-testid="poster-preview"
              data-layout={layoutId}
              // The markup escapes every text it contains (escapeXml).
              dangerouslySetInnerHTML={{ __html: svg }}
            />
          </div>
          {createPortal(
            <div
              className="poster-print"
              dangerouslySetInnerHTML={{ __html: svg }}
            />,
            document.body,
          )}
          <style>{printCss(layout)}</style>
        </>
      )}
    </section>
  );
}
