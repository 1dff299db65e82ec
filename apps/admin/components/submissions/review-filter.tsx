import type { ReviewFilter } from "@/lib/inbox-filters";

export type { ReviewFilter } from "@/lib/inbox-filters";

const filterOptions: { value: ReviewFilter; label: string }[] = [
  { value: "all", label: "All" },
  { value: "new", label: "New" },
  { value: "reviewed", label: "Reviewed" },
];

/** Text the list shows when no submission has the chosen review state. */
export const emptyListText: Record<ReviewFilter, string> = {
  all: "No submissions yet. New ones appear here as patients send them.",
  new: "No new submissions. New ones appear here as patients send them.",
  reviewed: "No reviewed submissions yet.",
};

/** Text the list shows when a form or date filter leaves no submission. */
export const noMatchText = "No submissions match these filters.";

/**
 * Renders the inbox's review state filter as native radio buttons, so the
 * arrow keys move between the options.
 */
export function ReviewFilterPicker({
  value,
  onChange,
}: {
  value: ReviewFilter;
  onChange: (value: ReviewFilter) => void;
}) {
  return (
    <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <legend className="sr-only">Show submissions</legend>
      <span aria-hidden="true" className="font-medium">
        Show
      </span>
      {filterOptions.map((option) => (
        <label
          key={option.value}
          className="flex min-h-12 cursor-pointer items-center gap-2"
        >
          <input
            type="radio"
            name="review-filter"
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
            className="size-5"
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
