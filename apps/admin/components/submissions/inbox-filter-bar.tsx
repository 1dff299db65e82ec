"use client";

import { Button } from "@intake/ui";

import type { InboxFilters } from "@/lib/inbox-filters";

import { ReviewFilterPicker } from "./review-filter";

/** A form the filter can pick. */
export type FormChoice = { formId: string; title: string };

/** A poster of the chosen form that the filter can pick. */
export type PosterChoice = {
  posterId: string;
  name: string;
  archived: boolean;
};

/**
 * Renders the inbox filters: form (when `forms` is given), poster (when
 * `posters` of the chosen form are given), review state and a range of
 * days. Each change calls `onChange` with every filter, and choosing
 * another form clears the poster, which belongs to one form.
 */
export function InboxFilterBar({
  filters,
  forms,
  posters,
  onChange,
}: {
  filters: InboxFilters;
  forms?: readonly FormChoice[];
  posters?: readonly PosterChoice[];
  onChange: (next: InboxFilters) => void;
}) {
  // Without `forms` the form is fixed by the page, not a filter to clear.
  const isFiltered =
    (forms !== undefined && filters.formId !== null) ||
    filters.posterId !== null ||
    filters.status !== "all" ||
    filters.from !== null ||
    filters.to !== null;

  return (
    <div className="flex flex-col gap-3 print:hidden">
      <div className="flex flex-wrap items-end gap-4">
        {forms && (
          <label className="flex flex-col gap-1">
            <span className="font-medium">Form</span>
            <select
              value={filters.formId ?? ""}
              onChange={(event) =>
                onChange({
                  ...filters,
                  formId: event.target.value || null,
                  posterId: null,
                })
              }
              className="border-border-subtle bg-canvas min-h-12 rounded-md border px-3"
            >
              <option value="">All forms</option>
              {forms.map((form) => (
                <option key={form.formId} value={form.formId}>
                  {form.title}
                </option>
              ))}
            </select>
          </label>
        )}
        {posters && (
          <label className="flex flex-col gap-1">
            <span className="font-medium">Poster</span>
            <select
              value={filters.posterId ?? ""}
              onChange={(event) =>
                onChange({ ...filters, posterId: event.target.value || null })
              }
              className="border-border-subtle bg-canvas min-h-12 rounded-md border px-3"
            >
              <option value="">Any poster</option>
              {posters.map((poster) => (
                <option key={poster.posterId} value={poster.posterId}>
                  {poster.archived ? `${poster.name} (archived)` : poster.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="flex flex-col gap-1">
          <span className="font-medium">Sent from</span>
          <input
            type="date"
            value={filters.from ?? ""}
            max={filters.to ?? undefined}
            onChange={(event) =>
              onChange({ ...filters, from: event.target.value || null })
            }
            className="border-border-subtle bg-canvas min-h-12 rounded-md border px-3"
          />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">Sent to</span>
          <input
            type="date"
            value={filters.to ?? ""}
            min={filters.from ?? undefined}
            onChange={(event) =>
              onChange({ ...filters, to: event.target.value || null })
            }
            className="border-border-subtle bg-canvas min-h-12 rounded-md border px-3"
          />
        </label>
        {isFiltered && (
          <Button
            variant="ghost"
            onClick={() =>
              onChange({
                formId: forms ? null : filters.formId,
                posterId: null,
                status: "all",
                from: null,
                to: null,
              })
            }
          >
            Clear filters
          </Button>
        )}
      </div>
      <ReviewFilterPicker
        value={filters.status}
        onChange={(status) => onChange({ ...filters, status })}
      />
    </div>
  );
}
