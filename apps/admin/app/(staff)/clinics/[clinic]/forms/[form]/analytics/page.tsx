"use client";

import { convexQuery } from "@convex-dev/react-query";
import { api } from "@intake/backend/api";
import type { Id } from "@intake/backend/dataModel";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useParams } from "next/navigation";
import { useState } from "react";

import { SourceCounts } from "@/components/analytics/source-counts";
import {
  TotalsTable,
  type TotalsRow,
} from "@/components/analytics/totals-table";
import { LoadError } from "@/components/shell/load-error";
import { PageHeading } from "@/components/shell/page-heading";
import { unattributedTotals } from "@/lib/poster-totals";

/** Days of the daily chart. */
const CHART_DAYS = 14;

/**
 * Shows a form's live totals per poster, and the totals and daily counts
 * of all sources or of the poster picked in the Source filter.
 */
export default function AnalyticsPage() {
  const params = useParams<{ clinic: string; form: string }>();
  // The address carries the ids as text, and the backend validates them.
  const formId = params.form as Id<"forms">;
  const [posterId, setPosterId] = useState<Id<"posters"> | null>(null);
  const form = useQuery(convexQuery(api.forms.get, { formId }));
  const stats = useQuery(
    convexQuery(api.stats.forForm, { formId, days: CHART_DAYS }),
  );
  const posters = useQuery(convexQuery(api.stats.byPoster, { formId }));
  const picked = useQuery(
    convexQuery(
      api.stats.forForm,
      posterId === null ? "skip" : { formId, posterId, days: CHART_DAYS },
    ),
  );

  const error = form.error ?? stats.error ?? posters.error ?? picked.error;
  if (error) return <LoadError error={error} subject="form" />;
  if (!form.data || !stats.data || !posters.data) {
    return <p role="status">Loading the analytics…</p>;
  }
  const pickedPoster = posters.data.find((row) => row.posterId === posterId);
  const source = posterId === null ? stats.data : picked.data;
  const sourceLabel = pickedPoster?.name ?? "All sources";

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
      <section aria-labelledby="source-heading" className="flex flex-col gap-3">
        <h2 id="source-heading" className="text-lg font-semibold">
          By source
        </h2>
        <label className="flex flex-col gap-1 self-start">
          <span className="font-medium">Source</span>
          <select
            value={posterId ?? ""}
            onChange={(event) =>
              setPosterId((event.target.value || null) as Id<"posters"> | null)
            }
            className="border-border-subtle bg-canvas min-h-12 rounded-md border px-3"
          >
            <option value="">All sources</option>
            {posters.data.map((poster) => (
              <option key={poster.posterId} value={poster.posterId}>
                {poster.archived ? `${poster.name} (archived)` : poster.name}
              </option>
            ))}
          </select>
        </label>
        {source === undefined ? (
          <p role="status">Loading the counts of {sourceLabel}…</p>
        ) : (
          <SourceCounts label={sourceLabel} stats={source} days={CHART_DAYS} />
        )}
      </section>
    </div>
  );
}
