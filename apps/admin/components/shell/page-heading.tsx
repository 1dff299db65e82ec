"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * Renders the page's `<h1>` and focuses it on mount, so after a client-side
 * navigation keyboard and screen reader users start at the new page's title
 * instead of the link they activated.
 */
export function PageHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    ref.current?.focus();
  }, []);

  return (
    <h1
      ref={ref}
      tabIndex={-1}
      className="text-ink text-2xl font-semibold tracking-tight outline-none"
    >
      {children}
    </h1>
  );
}
