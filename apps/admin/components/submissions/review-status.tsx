/** Renders a submission's review state in words: New or Reviewed. */
export function ReviewStatus({ reviewed }: { reviewed: boolean }) {
  return reviewed ? (
    <span className="bg-surface text-muted rounded-full px-2 text-sm font-medium">
      Reviewed
    </span>
  ) : (
    <span className="bg-accent-soft text-accent rounded-full px-2 text-sm font-medium">
      New
    </span>
  );
}
