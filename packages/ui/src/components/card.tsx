import type { HTMLAttributes } from "react";

import { cn } from "../lib/cn";

/** Props of {@link Card}: every native div attribute. */
export type CardProps = HTMLAttributes<HTMLDivElement>;

/** Renders a bordered panel that groups related content. */
export function Card({ className, ...rest }: CardProps) {
  return (
    <div
      className={cn(
        "rounded-xl border border-border-subtle bg-canvas p-4 shadow-sm sm:p-6",
        className,
      )}
      {...rest}
    />
  );
}
