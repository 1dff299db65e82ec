"use client";

import { useEffect, useState } from "react";

import { api } from "./api";
import { useMutation } from "./convex-client";
import { createToken, isToken } from "./tokens";

/**
 * Returns the visitor id of this visit, or null until the browser has one.
 * Without a valid id in the address, it creates one and rewrites the
 * address to /f/<form>/<visitor> with `history.replaceState`, which adds
 * no history entry and does not reload, so a reload keeps the visitor.
 */
export function useVisitorId(
  slug: string,
  visitorFromUrl: string | null,
): string | null {
  const [visitorId, setVisitorId] = useState(() =>
    visitorFromUrl !== null && isToken(visitorFromUrl) ? visitorFromUrl : null,
  );

  useEffect(() => {
    if (visitorId !== null) return;

    const created = createToken();
    const { search, hash } = window.location;
    const path = `/f/${encodeURIComponent(slug)}/${created}`;
    window.history.replaceState(null, "", `${path}${search}${hash}`);
    setVisitorId(created);
  }, [slug, visitorId]);

  return visitorId;
}

/**
 * Slugs whose view this page load has recorded. Module state lives exactly
 * as long as the page load. It covers the effect re-run of React
 * StrictMode, and also a real remount (such as React rebuilding the tree
 * after a hydration error), which a ref in the component would not.
 */
const recordedSlugs = new Set<string>();

/**
 * Returns the poster code of this visit: the `src` query parameter,
 * which the visitor rewrite keeps in the address, or undefined.
 */
export function readPosterSource(): string | undefined {
  const source = new URLSearchParams(window.location.search).get("src");
  return source === null || source === "" ? undefined : source;
}

/** Records one view of the form per page load, once the visitor is known. */
export function useRecordView(slug: string, visitorId: string | null): void {
  const recordView = useMutation(api.views.record);

  useEffect(() => {
    if (visitorId === null || recordedSlugs.has(slug)) return;

    recordedSlugs.add(slug);
    const source = readPosterSource();
    recordView({ slug, visitorId, ...(source ? { source } : {}) }).catch(() => {
      // A lost view only lowers a statistic, so no message is shown.
      console.warn(`Recording a view of form "${slug}" failed.`);
    });
  }, [recordView, slug, visitorId]);
}
