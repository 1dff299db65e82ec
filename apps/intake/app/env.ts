/**
 * Validated configuration of the intake app. This is the only module that
 * reads `process.env`. Next.js inlines a `NEXT_PUBLIC_` variable into the
 * browser bundle only where the code reads it by its full name, so each
 * variable is read literally below.
 */

/** The local convex-local backend, used when no deployment URL is set. */
const DEFAULT_CONVEX_URL = "http://127.0.0.1:3210";

function parseConvexUrl(raw: string | undefined): string {
  const value = raw?.trim() || DEFAULT_CONVEX_URL;

  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(
      `NEXT_PUBLIC_CONVEX_URL is not a valid URL: "${value}". Set it to the Convex deployment URL, like https://happy-animal-123.convex.cloud.`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(
      `NEXT_PUBLIC_CONVEX_URL must start with http:// or https://, got "${value}".`,
    );
  }

  // The Convex clients append paths such as /api/query to this base.
  return value.replace(/\/+$/, "");
}

/** Configuration values, checked once when the module loads. */
export const env = {
  /** Base URL of the Convex deployment the app talks to. */
  convexUrl: parseConvexUrl(process.env.NEXT_PUBLIC_CONVEX_URL),
} as const;
