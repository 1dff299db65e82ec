"use client";

import { convexQuery } from "@convex-dev/react-query";
import { api } from "@intake/backend/api";
import type { Id } from "@intake/backend/dataModel";
import { useQuery } from "@tanstack/react-query";

/** Shows a form's live view and submission counts from `stats:forForm`. */
export function FormStats({ formId }: { formId: Id<"forms"> }) {
  const stats = useQuery(convexQuery(api.stats.forForm, { formId }));

  return (
    <section aria-labelledby="stats-heading" className="flex flex-col gap-3">
      <h2 id="stats-heading" className="text-lg font-semibold">
        Activity
      </h2>
      {stats.isError ? (
        <p role="alert" className="text-danger text-sm">
          Could not load the counts. Reload the page to try again.
        </p>
      ) : (
        <dl className="flex gap-4">
          <Stat label="Views" value={stats.data?.views} />
          <Stat label="Submissions" value={stats.data?.submissions} />
        </dl>
      )}
    </section>
  );
}

function Stat({ label, value }: { label: string; value: number | undefined }) {
  return (
    <div className="border-border-subtle min-w-32 rounded-lg border bg-canvas px-4 py-3">
      <dt className="text-muted text-sm">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums">
        {value === undefined ? "…" : value.toLocaleString()}
      </dd>
    </div>
  );
}
