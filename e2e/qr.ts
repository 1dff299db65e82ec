import jsQR from "jsqr";
import { PNG } from "pngjs";

/** Decodes the QR code in a PNG data URL and returns its text. */
export function decodeQrDataUrl(dataUrl: string): string {
  const match = /^data:image\/png;base64,(.+)$/.exec(dataUrl);
  if (!match?.[1]) throw new Error("The QR code image is not a PNG data URL");
  const png = PNG.sync.read(Buffer.from(match[1], "base64"));
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!code) throw new Error("No QR code found in the image");
  return code.data;
}

/** Decodes the QR code in a PNG image, such as a screenshot, and returns its text. */
export function decodeQrPng(image: Buffer): string {
  const png = PNG.sync.read(image);
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!code) throw new Error("No QR code found in the image");
  return code.data;
}
