"use client";

import { useId, type MouseEvent, type Ref } from "react";

import { cn } from "../lib/cn";
import { useUiText } from "../text/ui-text-context";

/** One problem listed in an {@link ErrorSummary}. */
export interface ErrorSummaryItem {
  /** Id of the control to focus when the patient follows the link. */
  targetId: string;
  message: string;
}

/** Props of {@link ErrorSummary}. */
export interface ErrorSummaryProps {
  items: readonly ErrorSummaryItem[];
  title?: string;
  /** The caller moves focus here after a failed submit or page change. */
  ref?: Ref<HTMLDivElement>;
  className?: string;
}

/**
 * Lists the problems on the current step as links to the fields. It renders
 * nothing when `items` is empty. It is focusable but not in the tab order,
 * so the caller can move focus to it and a screen reader reads the list.
 */
export function ErrorSummary({
  items,
  title,
  ref,
  className,
}: ErrorSummaryProps) {
  const titleId = useId();
  const text = useUiText();
  if (items.length === 0) return null;

  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="group"
      aria-labelledby={titleId}
      className={cn(
        "rounded-lg border-4 border-danger bg-danger-soft p-4",
        className,
      )}
    >
      <h2 id={titleId} className="text-xl font-bold text-ink">
        {title ?? text.errorSummaryTitle}
      </h2>
      <ul className="mt-3 flex flex-col gap-2">
        {items.map((item) => (
          <li key={item.targetId}>
            <a
              href={`#${item.targetId}`}
              onClick={(event) => focusTarget(event, item.targetId)}
              className="text-base font-semibold text-danger underline underline-offset-2"
            >
              {item.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Focuses the control itself. Following a fragment link scrolls to the
 * control but does not focus it, so the patient would have to tap it again.
 */
function focusTarget(event: MouseEvent<HTMLAnchorElement>, targetId: string) {
  const target = document.getElementById(targetId);
  if (!target) return;

  event.preventDefault();
  target.scrollIntoView({ block: "center" });
  target.focus();
}
