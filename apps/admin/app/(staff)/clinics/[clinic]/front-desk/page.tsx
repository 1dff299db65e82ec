"use client";

import { convexQuery } from "@convex-dev/react-query";
import { api } from "@intake/backend/api";
import type { Id } from "@intake/backend/dataModel";
import { useQuery } from "@tanstack/react-query";
import { useParams } from "next/navigation";
import { useEffect, useState } from "react";

import {
  OpenVisitsTable,
  RecentSubmissionsTable,
} from "@/components/front-desk/front-desk-tables";
import { LoadError } from "@/components/shell/load-error";
import { PageHeading } from "@/components/shell/page-heading";

/** Visits idle for longer than this drop off, as in `visits:frontDesk`. */
const IDLE_AFTER_MS = 2 * 60 * 60 * 1000;

/** How often the elapsed times and the idle cutoff refresh. */
const TICK_MS = 30_000;

/**
 * Shows, live, who is filling in a form now and the latest submissions,
 * without answers or names.
 */
export default function FrontDeskPage() {
  const params = useParams<{ clinic: string }>();
  // The address carries the id as text, and the backend validates it.
  const clinicId = params.clinic as Id<"clinics">;
  const desk = useQuery(convexQuery(api.visits.frontDesk, { clinicId }));
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);

  if (desk.isError) return <LoadError error={desk.error} subject="clinic" />;

  // The query cuts idle visits off when it runs, and this hides the ones
  // that went idle since.
  const open = (desk.data?.open ?? []).filter(
    (row) => now - row.lastActiveAt <= IDLE_AFTER_MS,
  );

  return (
    <div className="flex flex-col gap-8">
      <title>Front desk · Intake</title>
      <PageHeading>Front desk</PageHeading>
      <section aria-labelledby="open-heading" className="flex flex-col gap-3">
        <h2 id="open-heading" className="text-lg font-semibold">
          Filling in now
        </h2>
        {desk.data ? (
          <OpenVisitsTable rows={open} now={now} />
        ) : (
          <p role="status">Loading…</p>
        )}
      </section>
      <section aria-labelledby="recent-heading" className="flex flex-col gap-3">
        <h2 id="recent-heading" className="text-lg font-semibold">
          Latest submissions
        </h2>
        {desk.data ? (
          <RecentSubmissionsTable rows={desk.data.recent} />
        ) : (
          <p role="status">Loading…</p>
        )}
      </section>
    </div>
  );
}
