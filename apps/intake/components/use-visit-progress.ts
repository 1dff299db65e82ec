"use client";

import { useEffect, useRef } from "react";

import { api } from "./api";
import { useMutation } from "./convex-client";
import { readPosterSource } from "./use-visit";

/** The patient's position in a form, which carries no answers. */
export interface VisitProgress {
  slug: string;
  /** Null until the browser has assigned the visit its id. */
  visitorId: string | null;
  /** True once the patient has answered any field. */
  hasAnswers: boolean;
  /** Index from 0 of the page shown. */
  pageIndex: number;
  pageCount: number;
}

/**
 * Tells the backend when a visit starts (the first answer) and which page
 * it has reached, calling `visits:progress` on page changes only. A new
 * visitor id, such as the kiosk's next patient, starts a new visit.
 * Failures only lower a statistic, so they show no message.
 */
export function useVisitProgress({
  slug,
  visitorId,
  hasAnswers,
  pageIndex,
  pageCount,
}: VisitProgress): void {
  const start = useMutation(api.visits.start);
  const progress = useMutation(api.visits.progress);
  const startedVisitor = useRef<string | null>(null);
  const reportedPage = useRef<{ visitorId: string; pageIndex: number }>(null);

  useEffect(() => {
    if (visitorId === null || !hasAnswers) return;
    if (startedVisitor.current === visitorId) return;

    startedVisitor.current = visitorId;
    const source = readPosterSource();
    start({ slug, visitorId, ...(source ? { source } : {}) }).catch(() => {
      console.warn(`Recording the start of form "${slug}" failed.`);
    });
  }, [start, slug, visitorId, hasAnswers]);

  useEffect(() => {
    if (visitorId === null) return;
    const previous = reportedPage.current;
    reportedPage.current = { visitorId, pageIndex };
    // The first page of a visit is implied by the start.
    if (previous === null || previous.visitorId !== visitorId) return;
    if (previous.pageIndex === pageIndex) return;

    progress({ slug, visitorId, pageIndex, pageCount }).catch(() => {
      console.warn(`Recording progress in form "${slug}" failed.`);
    });
  }, [progress, slug, visitorId, pageIndex, pageCount]);
}
