import type { Metadata, Viewport } from "next";
import { cookies, headers } from "next/headers";
import type { ReactNode } from "react";

import { LocaleProvider } from "../components/i18n/locale-context";
import {
  DEFAULT_LOCALE,
  LOCALE_COOKIE,
  isLocale,
  localeFromAcceptLanguage,
} from "../components/i18n/locale";
import "./globals.css";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: "Intake",
  description: "Fill in your clinic's forms on your phone.",
  // Form addresses are shared by QR code, not meant for search engines.
  robots: { index: false, follow: false },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#ffffff",
};

/**
 * Renders the page in the remembered language, else the request's
 * Accept-Language, so the first HTML response is already in the right
 * language and `<html lang>` matches it.
 */
export default async function RootLayout({
  children,
}: {
  children: ReactNode;
}) {
  const requested = localeFromAcceptLanguage(
    (await headers()).get("accept-language"),
  );
  const saved = (await cookies()).get(LOCALE_COOKIE)?.value;
  const remembered = isLocale(saved) ? saved : null;

  return (
    <html lang={remembered ?? requested ?? DEFAULT_LOCALE}>
      <body>
        <Providers>
          <LocaleProvider requested={requested} remembered={remembered}>
            {children}
          </LocaleProvider>
        </Providers>
      </body>
    </html>
  );
}
