import { cookies, headers } from "next/headers";

import {
  isLocale,
  localeFromAcceptLanguage,
  LOCALE_COOKIE,
  type Locale,
} from "./locale";

/** Languages a request names, for server rendering. */
export interface RequestLocales {
  /** Language from the Accept-Language header, or null when none matches. */
  requested: Locale | null;
  /** Language remembered in this device's cookie, or null. */
  remembered: Locale | null;
}

/** Reads the languages the current request names. */
export async function requestLocales(): Promise<RequestLocales> {
  const requested = localeFromAcceptLanguage(
    (await headers()).get("accept-language"),
  );
  const saved = (await cookies()).get(LOCALE_COOKIE)?.value;
  return { requested, remembered: isLocale(saved) ? saved : null };
}
