"use client";

import { UiTextProvider } from "@intake/ui";
import {
  createContext,
  useContext,
  useEffect,
  useState,
  type ReactNode,
} from "react";

import {
  DEFAULT_LOCALE,
  LOCALE_COOKIE,
  localeFromTags,
  type Locale,
} from "./locale";
import { MESSAGES, type Messages } from "./messages";

/** One year, in seconds. */
const COOKIE_MAX_AGE_S = 365 * 24 * 60 * 60;

/** The current language and the ways to change it. */
export interface LocaleState {
  locale: Locale;
  messages: Messages;
  /**
   * Switches the language. With `remember` (the default) the choice is
   * stored in a cookie for this device, which the kiosk never does.
   */
  setLocale: (locale: Locale, options?: { remember?: boolean }) => void;
  /** Returns to the browser's language without storing anything. */
  resetLocale: () => void;
}

const LocaleContext = createContext<LocaleState | null>(null);

/** Props of {@link LocaleProvider}. */
export interface LocaleProviderProps {
  /** Language from the request's Accept-Language, or null when none matched. */
  requested: Locale | null;
  /** Language remembered in this device's cookie, or null. */
  remembered: Locale | null;
  children: ReactNode;
}

/**
 * Holds the page language: the remembered choice, else Accept-Language,
 * else `navigator.languages`, else English. It keeps `<html lang>` in step
 * and sets the language of the @intake/ui control text.
 */
export function LocaleProvider({
  requested,
  remembered,
  children,
}: LocaleProviderProps) {
  const [locale, setLocaleState] = useState<Locale>(
    remembered ?? requested ?? DEFAULT_LOCALE,
  );

  // The server saw no usable Accept-Language, so the browser's list decides.
  useEffect(() => {
    if (remembered === null && requested === null) {
      setLocaleState(browserLocale());
    }
  }, [remembered, requested]);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const state: LocaleState = {
    locale,
    messages: MESSAGES[locale],
    setLocale: (next, options) => {
      setLocaleState(next);
      if (options?.remember ?? true) {
        document.cookie = `${LOCALE_COOKIE}=${next}; Path=/; Max-Age=${COOKIE_MAX_AGE_S}; SameSite=Lax`;
      }
    },
    resetLocale: () => setLocaleState(requested ?? browserLocale()),
  };

  return (
    <LocaleContext.Provider value={state}>
      <UiTextProvider locale={locale}>{children}</UiTextProvider>
    </LocaleContext.Provider>
  );
}

function browserLocale(): Locale {
  return localeFromTags(navigator.languages ?? []) ?? DEFAULT_LOCALE;
}

/**
 * Returns the page language. Outside a {@link LocaleProvider}, such as in
 * a unit test, it is English and cannot change.
 */
export function useLocale(): LocaleState {
  return useContext(LocaleContext) ?? englishOnly;
}

/** Shorthand for `useLocale().messages`. */
export function useMessages(): Messages {
  return useLocale().messages;
}

const englishOnly: LocaleState = {
  locale: "en",
  messages: MESSAGES.en,
  setLocale: () => {},
  resetLocale: () => {},
};
