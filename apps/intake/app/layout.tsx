import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";

import { LocaleProvider } from "../components/i18n/locale-context";
import { DEFAULT_LOCALE } from "../components/i18n/locale";
import { requestLocales } from "../components/i18n/request-locale";
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
  const { requested, remembered } = await requestLocales();

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
