"use client";

import { useEffect, useRef } from "react";

/**
 * Returns a function that schedules focus on an element after the next
 * render commits, when the element it names exists in the page. Event
 * handlers call it, because the element to focus is often rendered by the
 * same state change.
 */
export function useFocusAfterRender() {
  const target = useRef<(() => HTMLElement | null) | null>(null);

  useEffect(() => {
    const element = target.current?.();
    target.current = null;
    if (!element) return;

    element.scrollIntoView({ block: "start" });
    element.focus({ preventScroll: true });
  });

  return (getElement: () => HTMLElement | null) => {
    target.current = getElement;
  };
}
