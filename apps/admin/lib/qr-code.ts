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

/** Builds the address a poster's QR code carries: the form's with `?src=<code>`. */
export function posterUrl(
  intakeUrl: string,
  slug: string,
  code: string,
): string {
  return `${publicFormUrl(intakeUrl, slug)}?src=${encodeURIComponent(code)}`;
}
