import QRCode from "qrcode";

import { QR_OPTIONS } from "../qr-code";
import type { Face, Layout } from "./layouts";

/** The text printed on a poster. */
export interface PosterText {
  clinicName: string;
  formTitle: string;
  /** The poster's public URL, which the QR code also carries. */
  url: string;
}

/** Instructions printed above the short URL. */
export const POSTER_INSTRUCTIONS =
  "Scan with your phone camera to fill in the form before your visit.";

const FONT = "Helvetica, Arial, sans-serif";

/**
 * Average glyph width of Helvetica and Arial as a share of the font size,
 * an estimate that line wrapping and URL fitting use in place of font
 * metrics, which an SVG file cannot measure.
 */
const AVERAGE_GLYPH_WIDTH = 0.55;

/** Font sizes in millimetres per face scale. */
const fontSizes = {
  poster: { clinic: 9, title: 14, body: 7, url: 6 },
  tent: { clinic: 6, title: 9, body: 5, url: 4.2 },
  sticker: { clinic: 2.8, title: 3.6, body: 2.4, url: 2.2 },
} as const;

/** Escapes text for an SVG text node or attribute value. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** Splits `text` into lines of at most `maxChars` characters at spaces. */
export function wrapText(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line === "" ? word : `${line} ${word}`;
    if (candidate.length <= maxChars || line === "") {
      line = candidate;
    } else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

/** Renders the QR code of `url` as SVG markup: modules plus a 4-module quiet zone. */
export async function renderQrSvg(url: string): Promise<string> {
  return await QRCode.toString(url, {
    errorCorrectionLevel: QR_OPTIONS.errorCorrectionLevel,
    margin: QR_OPTIONS.margin,
    type: "svg",
  });
}

/** Places the QR markup as a nested SVG of side `size` at (x, y). */
function placeQr(qrSvg: string, x: number, y: number, size: number): string {
  return qrSvg.replace(
    /^<svg /,
    `<svg x="${x.toFixed(2)}" y="${y.toFixed(2)}" width="${size}" height="${size}" `,
  );
}

interface TextBlock {
  lines: string[];
  size: number;
  weight: "400" | "700";
}

function textLines(
  block: TextBlock,
  centerX: number,
  startY: number,
  anchor: "middle" | "start",
): { markup: string; endY: number } {
  let y = startY;
  const parts: string[] = [];
  for (const line of block.lines) {
    y += block.size;
    parts.push(
      `<text x="${centerX.toFixed(2)}" y="${y.toFixed(2)}" font-family="${FONT}" font-size="${block.size}" font-weight="${block.weight}" text-anchor="${anchor}" fill="#000000">${escapeXml(line)}</text>`,
    );
    y += block.size * 0.3;
  }
  return { markup: parts.join(""), endY: y };
}

/** Returns the font size at which `text` fits on one line of `width`. */
function fittedSize(text: string, width: number, preferred: number): number {
  const fitting = width / (text.length * AVERAGE_GLYPH_WIDTH);
  return Math.min(preferred, Number(fitting.toFixed(2)));
}

function blocks(face: Face, text: PosterText, width: number): TextBlock[] {
  const sizes = fontSizes[face.scale];
  const maxChars = (size: number) =>
    Math.max(8, Math.floor(width / (size * AVERAGE_GLYPH_WIDTH)));
  const instructions =
    face.scale === "sticker"
      ? "Scan to fill in the form."
      : POSTER_INSTRUCTIONS;
  return [
    {
      lines: wrapText(text.clinicName, maxChars(sizes.clinic)).slice(0, 2),
      size: sizes.clinic,
      weight: "400",
    },
    {
      lines: wrapText(text.formTitle, maxChars(sizes.title)).slice(0, 2),
      size: sizes.title,
      weight: "700",
    },
    {
      lines: wrapText(instructions, maxChars(sizes.body)),
      size: sizes.body,
      weight: "400",
    },
  ];
}

/**
 * Renders one face. Posters and stickers stack the text, the QR code and
 * the URL in a column. The tent puts the QR code left of the text.
 */
function renderFace(face: Face, text: PosterText, qrSvg: string): string {
  const sizes = fontSizes[face.scale];
  const parts: string[] = [];
  let qrX: number;
  let qrY: number;
  let urlX: number;
  let urlY: number;
  let urlWidth: number;
  let urlAnchor: "middle" | "start";

  if (face.scale === "tent") {
    qrX = face.x;
    qrY = face.y + (face.height - face.qrSize) / 2;
    const textX = qrX + face.qrSize + 6;
    const textWidth = face.x + face.width - textX;
    let y = face.y + 8;
    for (const block of blocks(face, text, textWidth)) {
      const rendered = textLines(block, textX, y, "start");
      parts.push(rendered.markup);
      y = rendered.endY + block.size * 0.6;
    }
    urlX = textX;
    urlY = y + 2;
    urlWidth = textWidth;
    urlAnchor = "start";
  } else {
    const centerX = face.x + face.width / 2;
    const padding = face.scale === "sticker" ? 2 : 0;
    let y = face.y + padding;
    for (const block of blocks(face, text, face.width - 2 * padding)) {
      const rendered = textLines(block, centerX, y, "middle");
      parts.push(rendered.markup);
      y = rendered.endY + block.size * 0.4;
    }
    qrX = centerX - face.qrSize / 2;
    qrY = y;
    urlX = centerX;
    urlY = qrY + face.qrSize + 1;
    urlWidth = face.width - 2 * padding;
    urlAnchor = "middle";
  }

  parts.push(`<g data-qr="">${placeQr(qrSvg, qrX, qrY, face.qrSize)}</g>`);
  const urlSize = fittedSize(text.url, urlWidth, sizes.url);
  parts.push(
    textLines(
      { lines: [text.url], size: urlSize, weight: "400" },
      urlX,
      urlY,
      urlAnchor,
    ).markup,
  );
  if (face.scale === "sticker") {
    parts.unshift(
      `<rect x="${face.x.toFixed(2)}" y="${face.y.toFixed(2)}" width="${face.width.toFixed(2)}" height="${face.height.toFixed(2)}" fill="none" stroke="#cccccc" stroke-width="0.2"/>`,
    );
  }

  const body = parts.join("");
  if (!face.rotated) return `<g data-face="">${body}</g>`;
  const cx = face.x + face.width / 2;
  const cy = face.y + face.height / 2;
  return `<g data-face="" transform="rotate(180 ${cx.toFixed(2)} ${cy.toFixed(2)})">${body}</g>`;
}

/**
 * Renders a whole page of a layout as a standalone SVG document sized in
 * millimetres, with one QR code per face. The same markup is shown on
 * screen, printed, downloaded as SVG and drawn on a canvas for PNG.
 */
export async function renderPosterSvg(
  layout: Layout,
  text: PosterText,
): Promise<string> {
  const qrSvg = await renderQrSvg(text.url);
  const faces = layout.faces.map((face) => renderFace(face, text, qrSvg));
  const fold =
    layout.foldY === undefined
      ? ""
      : `<line x1="0" y1="${layout.foldY}" x2="${layout.pageWidth}" y2="${layout.foldY}" stroke="#999999" stroke-width="0.3" stroke-dasharray="3 2"/>`;
  const label = escapeXml(`${text.formTitle}: ${layout.label}`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${label}" width="${layout.pageWidth}mm" height="${layout.pageHeight}mm" viewBox="0 0 ${layout.pageWidth} ${layout.pageHeight}">`,
    `<rect width="${layout.pageWidth}" height="${layout.pageHeight}" fill="#ffffff"/>`,
    ...faces,
    fold,
    "</svg>",
  ].join("");
}
