"use client";

import { createContext, useContext, type ReactNode } from "react";

import { UI_TEXT, type UiLocale, type UiText } from "./ui-text";

const UiTextContext = createContext<UiText>(UI_TEXT.en);

/** Props of {@link UiTextProvider}. */
export interface UiTextProviderProps {
  locale: UiLocale;
  children: ReactNode;
}

/** Sets the language of the control text below it. English without one. */
export function UiTextProvider({ locale, children }: UiTextProviderProps) {
  return (
    <UiTextContext.Provider value={UI_TEXT[locale]}>
      {children}
    </UiTextContext.Provider>
  );
}

/** Returns the control text of the nearest {@link UiTextProvider}. */
export function useUiText(): UiText {
  return useContext(UiTextContext);
}
