"use client";

import { Button } from "@intake/ui";

import type { InboxFilters } from "@/lib/inbox-filters";

import { ReviewFilterPicker } from "./review-filter";

/** A form the filter can pick. */
export type FormChoice = { formId: string; title: string };

/**
 * Renders the inbox filters: form (when `forms` is given), review state
 * and a range of days. Each change calls `onChange` with every filter.
 */
export function InboxFilterBar({
  filters,
  forms,
  onChange,
}: {
  filters: InboxFilters;
  forms?: readonly FormChoice[];
  onChange: (next: InboxFilters) => void;
}) {
  const isFiltered =
    filters.formId !== null ||
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
                onChange({ ...filters, formId: event.target.value || null })
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
