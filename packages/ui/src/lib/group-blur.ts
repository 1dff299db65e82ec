import type { FocusEvent } from "react";

/**
 * Wraps a blur handler so it runs only when focus leaves the whole group,
 * not when it moves between options of the same group.
 */
export function onGroupBlur(handler: (() => void) | undefined) {
  return (event: FocusEvent<HTMLElement>) => {
    const next = event.relatedTarget;
    if (next instanceof Node && event.currentTarget.contains(next)) return;
    handler?.();
  };
}
