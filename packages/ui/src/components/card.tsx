import type { HTMLAttributes } from "react";

import { cn } from "../lib/cn";

/** Colours of a {@link Card}: a problem, or a success such as a sent form. */
export type CardTone = "neutral" | "danger" | "success";

/** Props of {@link Card}: a tone and every native div attribute. */
export interface CardProps extends HTMLAttributes<HTMLDivElement> {
  tone?: CardTone;
}

const toneClass: Record<CardTone, string> = {
  neutral: "border-border-subtle bg-canvas",
  danger: "border-danger bg-canvas",
  success: "border-success bg-success-soft",
};

/** Renders a bordered panel that groups related content. */
export function Card({ tone = "neutral", className, ...rest }: CardProps) {
  return (
    <div
      className={cn(
        "rounded-xl border p-4 shadow-sm sm:p-6",
        toneClass[tone],
        className,
      )}
      {...rest}
    />
  );
}
