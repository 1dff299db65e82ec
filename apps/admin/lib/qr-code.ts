import QRCode from "qrcode";

/**
 * QR settings for posters read from a metre away under glare. Level "Q"
 * survives about 25% damaged surface (qrcode 1.5.4 README), and the quiet
 * zone is 4 modules wide. Width is the PNG's side in pixels.
 */
export const QR_OPTIONS = {
  errorCorrectionLevel: "Q",
  margin: 4,
  width: 320,
} as const;

/** Renders `text` as a PNG QR code and returns it as a data URL. */
export async function renderQrDataUrl(text: string): Promise<string> {
  return await QRCode.toDataURL(text, { ...QR_OPTIONS, type: "image/png" });
}

/** Builds the patient-facing address of a published form. */
export function publicFormUrl(intakeUrl: string, slug: string): string {
  return `${intakeUrl}/f/${encodeURIComponent(slug)}`;
}

/**
 * Builds the short address a poster prints and its QR code carries,
 * `/p/<code>`. The patient app sends it on to the poster's form with the
 * poster's source code. A short address is easier to type from a poster
 * and makes a less dense QR code, which reads better from a distance.
 */
export function posterUrl(intakeUrl: string, code: string): string {
  return `${intakeUrl}/p/${encodeURIComponent(code)}`;
}
