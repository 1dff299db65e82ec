/**
 * Print layouts of a poster. Every length is in millimetres, with the
 * origin at the page's top-left corner.
 */

/** Ids of the print layouts staff can choose. */
export const layoutIds = [
  "letter-poster",
  "a4-poster",
  "table-tent",
  "letter-stickers",
  "a4-stickers",
] as const;

/** A print layout's id. */
export type LayoutId = (typeof layoutIds)[number];

/** One printed copy of the poster's text and QR code on the page. */
export interface Face {
  /** Bounds of the face. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Side of the QR code, quiet zone included. */
  qrSize: number;
  /** Text sizes: large for posters, small for stickers. */
  scale: "poster" | "tent" | "sticker";
  /** True for the tent's back face, printed upside down to read after folding. */
  rotated: boolean;
}

/** A page size and the faces printed on it. */
export interface Layout {
  id: LayoutId;
  label: string;
  /** Value of the CSS `@page` `size` property. */
  pageSize: string;
  pageWidth: number;
  pageHeight: number;
  faces: Face[];
  /** A dashed line to fold along, for the table tent. */
  foldY?: number;
}

const letter = { width: 215.9, height: 279.4, pageSize: "8.5in 11in" };
const a4 = { width: 210, height: 297, pageSize: "210mm 297mm" };

/**
 * Minimum QR sides, quiet zone included. A code printed 12 cm wide reads
 * from about a metre away, and 3 cm is the smallest a phone reads
 * reliably at arm's length (estimates for phone cameras, not measured).
 */
export const minPosterQrMm = 120;
export const minStickerQrMm = 30;

function posterLayout(
  id: LayoutId,
  label: string,
  page: typeof letter,
): Layout {
  const margin = 15;
  return {
    id,
    label,
    pageSize: page.pageSize,
    pageWidth: page.width,
    pageHeight: page.height,
    faces: [
      {
        x: margin,
        y: margin,
        width: page.width - 2 * margin,
        height: page.height - 2 * margin,
        qrSize: 140,
        scale: "poster",
        rotated: false,
      },
    ],
  };
}

/** Builds a Letter sheet folded across its middle, the top half upside down. */
function tableTentLayout(): Layout {
  const half = letter.height / 2;
  const margin = 10;
  const face = (y: number, rotated: boolean): Face => ({
    x: margin,
    y: y + margin,
    width: letter.width - 2 * margin,
    height: half - 2 * margin,
    qrSize: 95,
    scale: "tent",
    rotated,
  });
  return {
    id: "table-tent",
    label: "Table tent (Letter, folded)",
    pageSize: letter.pageSize,
    pageWidth: letter.width,
    pageHeight: letter.height,
    faces: [face(0, true), face(half, false)],
    foldY: half,
  };
}

/** Builds a sheet of 3 columns by 4 rows of stickers inside a 10 mm margin. */
function stickerLayout(id: LayoutId, label: string, page: typeof letter) {
  const margin = 10;
  const columns = 3;
  const rows = 4;
  const width = (page.width - 2 * margin) / columns;
  const height = (page.height - 2 * margin) / rows;
  const faces: Face[] = [];
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      faces.push({
        x: margin + column * width,
        y: margin + row * height,
        width,
        height,
        qrSize: 36,
        scale: "sticker",
        rotated: false,
      });
    }
  }
  return {
    id,
    label,
    pageSize: page.pageSize,
    pageWidth: page.width,
    pageHeight: page.height,
    faces,
  } satisfies Layout;
}

/** Every layout, by id. */
export const layouts: Record<LayoutId, Layout> = {
  "letter-poster": posterLayout("letter-poster", "Letter poster", letter),
  "a4-poster": posterLayout("a4-poster", "A4 poster", a4),
  "table-tent": tableTentLayout(),
  "letter-stickers": stickerLayout(
    "letter-stickers",
    "Sticker sheet (Letter, 3 × 4)",
    letter,
  ),
  "a4-stickers": stickerLayout("a4-stickers", "Sticker sheet (A4, 3 × 4)", a4),
};
