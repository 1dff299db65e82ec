/** Props of {@link FormProgress}. */
export interface FormProgressProps {
  /** Zero-based index of the page shown. */
  pageIndex: number;
  pageCount: number;
}

/**
 * Draws how far through the form the patient is. The bar is hidden from
 * screen readers, because the page heading shows "Page 2 of 5" as text.
 */
export function FormProgress({ pageIndex, pageCount }: FormProgressProps) {
  const percent = Math.round(((pageIndex + 1) / pageCount) * 100);

  return (
    <div
      aria-hidden="true"
      className="h-2 w-full rounded-full bg-border-subtle"
    >
      <div
        className="h-2 rounded-full bg-accent transition-[width]"
        style={{ width: `${percent}%` }}
      />
    </div>
  );
}
