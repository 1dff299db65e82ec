import type { Layout } from "./layouts";

/** Pixels per inch of downloaded PNG files, enough for a sharp print. */
export const PNG_DPI = 200;

const MM_PER_INCH = 25.4;

function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now, so the URL can go.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Saves `svg` as an SVG file. */
export function downloadSvg(svg: string, fileName: string): void {
  saveBlob(new Blob([svg], { type: "image/svg+xml" }), fileName);
}

/** Draws `svg` on a canvas at {@link PNG_DPI} and returns the PNG. */
export async function renderPng(svg: string, layout: Layout): Promise<Blob> {
  const width = Math.round((layout.pageWidth / MM_PER_INCH) * PNG_DPI);
  const height = Math.round((layout.pageHeight / MM_PER_INCH) * PNG_DPI);
  const image = new Image(width, height);
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();

  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext("2d");
  if (context === null) throw new Error("The browser has no 2D canvas.");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, width, height);
  context.drawImage(image, 0, 0, width, height);

  return await new Promise<Blob>((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (blob) resolve(blob);
      else reject(new Error("The canvas could not encode a PNG."));
    }, "image/png");
  });
}

/** Saves `svg` as a PNG file. */
export async function downloadPng(
  svg: string,
  layout: Layout,
  fileName: string,
): Promise<void> {
  saveBlob(await renderPng(svg, layout), fileName);
}
