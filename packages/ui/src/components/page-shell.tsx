import type { ReactNode } from "react";

import { cn } from "../lib/cn";

/** Props of {@link PageShell}. */
export interface PageShellProps {
  /** Content of the top bar, such as the clinic name. */
  header?: ReactNode;
  children: ReactNode;
  /** Width of the main column. `narrow` suits forms on phones. */
  width?: "narrow" | "wide";
  className?: string;
}

/**
 * Lays out a page: an optional top bar and one `main` landmark, centred and
 * padded so content stays readable from 360 px phones up.
 */
export function PageShell({
  header,
  children,
  width = "narrow",
  className,
}: PageShellProps) {
  const column = cn(
    "mx-auto w-full px-4",
    width === "narrow" ? "max-w-2xl" : "max-w-6xl",
  );

  return (
    <div className={cn("flex min-h-dvh flex-col bg-surface", className)}>
      {header ? (
        <header className="border-b border-border-subtle bg-canvas">
          <div className={cn(column, "py-3")}>{header}</div>
        </header>
      ) : null}
      <main id="main" className={cn(column, "flex-1 py-6")}>
        {children}
      </main>
    </div>
  );
}
