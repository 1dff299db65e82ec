/**
 * Validated public configuration. This is the only app module that reads
 * `process.env`. Next.js inlines `NEXT_PUBLIC_*` values at build time, so
 * each one is read by its literal name.
 */

const DEFAULT_CONVEX_URL = "http://127.0.0.1:3210";
const DEFAULT_INTAKE_URL = "http://127.0.0.1:3001";

/**
 * Parses `value` as an absolute http(s) URL and returns it without a trailing
 * slash, or `fallback` when `value` is unset or empty.
 *
 * @throws Error naming the variable when the value is not an http(s) URL.
 */
export function parseHttpUrl(
  name: string,
  value: string | undefined,
  fallback: string,
): string {
  const raw = value?.trim() || fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(
      `${name} is not a valid URL: "${raw}". Set it to an absolute URL such as ${fallback}.`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(
      `${name} must use http or https, got "${url.protocol}". Set it to a URL such as ${fallback}.`,
    );
  }
  return raw.replace(/\/+$/, "");
}

/** Public configuration of the admin app. */
export const env = {
  /** Convex deployment URL that the browser client connects to. */
  convexUrl: parseHttpUrl(
    "NEXT_PUBLIC_CONVEX_URL",
    process.env.NEXT_PUBLIC_CONVEX_URL,
    DEFAULT_CONVEX_URL,
  ),
  /** Origin of the patient app. Public form links are `${intakeUrl}/f/<slug>`. */
  intakeUrl: parseHttpUrl(
    "NEXT_PUBLIC_INTAKE_URL",
    process.env.NEXT_PUBLIC_INTAKE_URL,
    DEFAULT_INTAKE_URL,
  ),
} as const;
