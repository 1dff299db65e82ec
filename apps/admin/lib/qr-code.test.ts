import jsQR from "jsqr";
import QRCode from "qrcode";
import { describe, expect, test } from "vitest";

import {
  QR_OPTIONS,
  posterUrl,
  publicFormUrl,
  renderQrDataUrl,
} from "./qr-code";

/** Paints a QR matrix with its quiet zone as RGBA pixels for jsQR. */
function paintModules(text: string, scale: number) {
  const { modules } = QRCode.create(text, QR_OPTIONS);
  const side = (modules.size + 2 * QR_OPTIONS.margin) * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      for (let dy = 0; dy < scale; dy++) {
        for (let dx = 0; dx < scale; dx++) {
          const y = (row + QR_OPTIONS.margin) * scale + dy;
          const x = (col + QR_OPTIONS.margin) * scale + dx;
          pixels.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
        }
      }
    }
  }
  return { pixels, side };
}

describe("publicFormUrl", () => {
  test.each([
    {
      description: "plain slug",
      slug: "new-patient-demo",
      expected: "http://127.0.0.1:3001/f/new-patient-demo",
    },
    {
      description: "slug with reserved characters",
      slug: "a b/c",
      expected: "http://127.0.0.1:3001/f/a%20b%2Fc",
    },
  ])("$description", ({ slug, expected }) => {
    expect(publicFormUrl("http://127.0.0.1:3001", slug)).toBe(expected);
  });
});

describe("QR code", () => {
  const url = "http://127.0.0.1:3001/f/new-patient-demo";

  test("matrix decodes to the form URL", () => {
    const { pixels, side } = paintModules(url, 4);
    const decoded = jsQR(pixels, side, side);
    expect(decoded?.data).toBe(url);
  });

  test("matrix uses level Q", () => {
    const code = QRCode.create(url, QR_OPTIONS);
    expect(code.errorCorrectionLevel.bit).toBe(
      QRCode.create(url, { errorCorrectionLevel: "Q" }).errorCorrectionLevel
        .bit,
    );
    expect(code.errorCorrectionLevel.bit).not.toBe(
      QRCode.create(url, { errorCorrectionLevel: "L" }).errorCorrectionLevel
        .bit,
    );
  });

  test("data URL is a PNG of the set width", async () => {
    const dataUrl = await renderQrDataUrl(url);
    expect(dataUrl.startsWith("data:image/png;base64,")).toBe(true);

    const png = Buffer.from(dataUrl.split(",")[1] ?? "", "base64");
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
    // IHDR starts at byte 16 with the width and height as big-endian u32.
    expect(png.readUInt32BE(16)).toBe(QR_OPTIONS.width);
    expect(png.readUInt32BE(20)).toBe(QR_OPTIONS.width);
  });
});

describe("posterUrl", () => {
  test("is the short poster address", () => {
    expect(posterUrl("http://127.0.0.1:3001", "abc234")).toBe(
      "http://127.0.0.1:3001/p/abc234",
    );
  });
});
