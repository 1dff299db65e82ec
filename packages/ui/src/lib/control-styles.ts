/**
 * Class lists shared by the form controls. Every control is at least 48 px
 * tall for touch, and uses 16 px text so iOS Safari does not zoom on focus.
 */
export const textControlClass = [
  "block min-h-12 w-full rounded-lg border-2 border-border bg-canvas px-3 py-2",
  "text-base text-ink placeholder:text-muted",
  "aria-invalid:border-danger",
  "disabled:cursor-not-allowed disabled:bg-surface",
].join(" ");

/**
 * Class list of one radio or checkbox option, drawn as a large tappable box.
 * Its children may shrink below their longest word, which then breaks, so
 * a label such as "emphysema" stays inside the box with larger text.
 */
export const optionClass = [
  "flex min-h-12 w-full cursor-pointer items-center gap-3 rounded-lg border-2",
  "wrap-break-word *:min-w-0",
  "border-border-subtle bg-canvas px-3 py-2 text-base",
  "has-checked:border-accent has-checked:bg-accent-soft",
  "has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-focus",
].join(" ");

/** Class list of the native radio or checkbox input inside an option box. */
export const optionInputClass =
  "size-6 shrink-0 cursor-pointer accent-accent focus-visible:outline-none";
