"use client";

import { convexQuery } from "@convex-dev/react-query";
import { api } from "@intake/backend/api";
import type { Id } from "@intake/backend/dataModel";
import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useParams } from "next/navigation";

import {
  TotalsTable,
  type TotalsRow,
} from "@/components/analytics/totals-table";
import { LoadError } from "@/components/shell/load-error";
import { PageHeading } from "@/components/shell/page-heading";
import { unattributedTotals } from "@/lib/poster-totals";

// The charting library loads only on this page, after the tables.
const DailyChart = dynamic(() => import("@/components/analytics/daily-chart"), {
  ssr: false,
  loading: () => <p className="text-muted text-sm">Loading the chart…</p>,
});

/** Days of the daily chart. */
const CHART_DAYS = 14;

/** Shows a form's live totals per poster and its daily counts. */
export default function AnalyticsPage() {
  const params = useParams<{ clinic: string; form: string }>();
  // The address carries the ids as text, and the backend validates them.
  const formId = params.form as Id<"forms">;
  const form = useQuery(convexQuery(api.forms.get, { formId }));
  const stats = useQuery(
    convexQuery(api.stats.forForm, { formId, days: CHART_DAYS }),
  );
  const posters = useQuery(convexQuery(api.stats.byPoster, { formId }));

  const error = form.error ?? stats.error ?? posters.error;
  if (error) return <LoadError error={error} subject="form" />;
  if (!form.data || !stats.data || !posters.data) {
    return <p role="status">Loading the analytics…</p>;
  }

  const { title, clinicId } = form.data;
  const rows: TotalsRow[] = [
    { key: "all", label: "All sources", ...stats.data },
    ...posters.data.map((poster) => ({
      key: poster.posterId,
      label: poster.archived ? `${poster.name} (archived)` : poster.name,
      ...poster,
    })),
    {
      key: "direct",
      label: "Without a poster",
      ...unattributedTotals(stats.data, posters.data),
    },
  ];

  return (
    <div className="flex flex-col gap-8">
      <title>{`Analytics · ${title} · Intake`}</title>
      <div className="flex flex-col gap-3">
        <Link
          href={`/clinics/${clinicId}/forms/${formId}`}
          className="text-accent self-start underline"
        >
          Back to {title}
        </Link>
        <PageHeading>Analytics</PageHeading>
        <p className="text-muted">
          Completion rate is submissions divided by starts. A start is a
          visitor&apos;s first answer. Counts update live.
        </p>
      </div>
      <TotalsTable caption="Totals by poster" rowHeader="Source" rows={rows} />
      <section aria-labelledby="daily-heading" className="flex flex-col gap-3">
        <h2 id="daily-heading" className="text-lg font-semibold">
          Last {CHART_DAYS} days (UTC)
        </h2>
        <DailyChart data={stats.data.daily} />
        <details>
          <summary className="cursor-pointer">Daily counts as a table</summary>
          <TotalsTable
            caption="Daily counts"
            rowHeader="Day"
            rows={stats.data.daily.map((day) => ({
              key: day.date,
              label: day.date,
              ...day,
              completionRate:
                day.starts === 0 ? null : day.submissions / day.starts,
            }))}
          />
        </details>
      </section>
    </div>
  );
}
