"use client";

import type { ButtonHTMLAttributes, MouseEvent, Ref } from "react";

import { cn } from "../lib/cn";

/** Visual weight of a {@link Button}. */
export type ButtonVariant = "primary" | "secondary" | "ghost";

/**
 * Size of a {@link Button}: `compact` narrows the sides for a link-like
 * button in a tight row, `large` and `huge` suit a kiosk's touch screen.
 */
export type ButtonSize = "regular" | "compact" | "large" | "huge";

/** Props of {@link Button}. */
export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /**
   * Marks an action in progress. The button stays focusable but ignores
   * clicks, so keyboard and screen reader users keep their place.
   */
  pending?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

const variantClass: Record<ButtonVariant, string> = {
  primary:
    "border-accent bg-accent text-white hover:bg-accent-strong hover:border-accent-strong",
  secondary: "border-accent bg-canvas text-accent hover:bg-accent-soft",
  ghost: "border-transparent bg-transparent text-accent underline",
};

const sizeClass: Record<ButtonSize, string> = {
  regular: "min-h-12 rounded-lg px-5 text-base",
  compact: "min-h-12 rounded-lg px-2 text-base",
  large: "min-h-16 rounded-lg px-5 text-xl",
  huge: "min-h-32 rounded-2xl px-5 text-4xl",
};

/**
 * Renders a button at least 48 px tall. It defaults to `type="button"`, so
 * it never submits a form by accident.
 */
export function Button({
  variant = "primary",
  size = "regular",
  pending = false,
  type = "button",
  className,
  onClick,
  children,
  ...rest
}: ButtonProps) {
  function handleClick(event: MouseEvent<HTMLButtonElement>) {
    if (pending) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  }

  return (
    <button
      type={type}
      aria-disabled={pending || undefined}
      aria-busy={pending || undefined}
      onClick={handleClick}
      className={cn(
        "inline-flex items-center justify-center gap-2 border-2 py-2 font-semibold",
        sizeClass[size],
        "disabled:cursor-not-allowed disabled:opacity-60",
        "aria-disabled:cursor-progress aria-disabled:opacity-80",
        variantClass[variant],
        className,
      )}
      {...rest}
    >
      {children}
    </button>
  );
}
