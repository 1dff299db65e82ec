"use client";

import { createContext, useContext, type ReactNode } from "react";

const AutofillContext = createContext(true);

/** Props of {@link AutofillProvider}. */
export interface AutofillProviderProps {
  /**
   * False on shared devices such as a kiosk tablet: every text control
   * below then sets `autocomplete="off"`, so the browser neither saves
   * what one person typed nor offers it to the next.
   */
  allowed: boolean;
  children: ReactNode;
}

/** Turns browser autofill of the text controls below it on or off. */
export function AutofillProvider({ allowed, children }: AutofillProviderProps) {
  return (
    <AutofillContext.Provider value={allowed}>
      {children}
    </AutofillContext.Provider>
  );
}

/**
 * Returns the `autocomplete` value a text control should render: the
 * control's own token while autofill is allowed, "off" otherwise.
 */
export function useAutocomplete(token: string | undefined): string | undefined {
  return useContext(AutofillContext) ? token : "off";
}
