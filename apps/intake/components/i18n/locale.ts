/** Languages the patient app speaks. */
export const LOCALES = ["en", "es"] as const;

/** A language the patient app speaks. */
export type Locale = (typeof LOCALES)[number];

/** Language used when the browser requests none that the app speaks. */
export const DEFAULT_LOCALE: Locale = "en";

/** Cookie that remembers a phone's language choice, one year long. */
export const LOCALE_COOKIE = "intake-locale";

export function isLocale(value: unknown): value is Locale {
  return value === "en" || value === "es";
}

/**
 * Picks the first supported language from an Accept-Language header
 * (RFC 9110 section 12.5.4) by quality, then order. Region subtags match
 * their language ("es-MX" is "es"). Returns null when nothing matches, so
 * the caller can fall back to `navigator.languages` or the default.
 */
export function localeFromAcceptLanguage(
  header: string | null | undefined,
): Locale | null {
  if (!header) return null;

  const ranges = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const quality = params
        .map((param) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(param)?.[1])
        .find((value) => value !== undefined);
      return {
        tag: tag.trim(),
        q: quality === undefined ? 1 : Number(quality),
        index,
      };
    })
    .filter(
      (range) => range.tag !== "" && range.q > 0 && !Number.isNaN(range.q),
    )
    .sort((a, b) => b.q - a.q || a.index - b.index);

  return localeFromTags(ranges.map((range) => range.tag));
}

/**
 * Picks the first supported language from language tags in order of
 * preference, such as `navigator.languages`. Returns null when none match.
 */
export function localeFromTags(tags: readonly string[]): Locale | null {
  for (const tag of tags) {
    const language = tag.toLowerCase().split("-")[0];
    if (isLocale(language)) return language;
  }
  return null;
}
