"use client";

import type { api } from "@intake/backend/api";
import type { FunctionReturnType } from "convex/server";
import dynamic from "next/dynamic";

import { TotalsTable } from "./totals-table";

// The charting library loads only on the analytics page, after the tables.
const DailyChart = dynamic(() => import("./daily-chart"), {
  ssr: false,
  loading: () => <p className="text-muted text-sm">Loading the chart…</p>,
});

/**
 * Shows one source's totals, from `stats:forForm` for the whole form or
 * one poster, with its daily chart and the same counts as a table for
 * screen readers. `label` names the source, and `days` is the length of
 * the daily series.
 */
export function SourceCounts({
  label,
  stats,
  days,
}: {
  label: string;
  stats: FunctionReturnType<typeof api.stats.forForm>;
  days: number;
}) {
  return (
    <div className="flex flex-col gap-3">
      <TotalsTable
        caption={`Totals of ${label}`}
        rowHeader="Source"
        rows={[{ key: "source", label, ...stats }]}
      />
      <h3 className="font-semibold">
        {label}, last {days} days (UTC)
      </h3>
      <DailyChart data={stats.daily} />
      <details>
        <summary className="cursor-pointer">Daily counts as a table</summary>
        <TotalsTable
          caption={`Daily counts of ${label}`}
          rowHeader="Day"
          rows={stats.daily.map((day) => ({
            key: day.date,
            label: day.date,
            ...day,
            completionRate:
              day.starts === 0 ? null : day.submissions / day.starts,
          }))}
        />
      </details>
    </div>
  );
}
