"use client";

import { Button, type ButtonSize } from "@intake/ui";

import { LOCALES, type Locale } from "./locale";
import { useLocale } from "./locale-context";

/** Props of {@link LanguageSwitch}. */
export interface LanguageSwitchProps {
  /** Stores the choice for this device. The kiosk passes false. */
  remember?: boolean;
  size?: ButtonSize;
}

/**
 * Offers the other language as a button labelled in that language, with
 * its `lang` set, so a screen reader pronounces it right.
 */
export function LanguageSwitch({ remember = true, size }: LanguageSwitchProps) {
  const { locale, messages, setLocale } = useLocale();
  const other: Locale =
    LOCALES.find((candidate) => candidate !== locale) ?? "en";

  return (
    <Button
      variant="ghost"
      lang={other}
      size={size}
      onClick={() => setLocale(other, { remember })}
    >
      {messages.languageSwitch.other}
    </Button>
  );
}
