import { api } from "@intake/backend/api";
import { fetchQuery } from "convex/nextjs";
import { cache } from "react";

import { env } from "./env";

/** Slugs the backend creates: lowercase words joined by "-". */
const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,99}$/;

/**
 * Loads the published form for a page of the phone or kiosk routes. React's
 * `cache` lets `generateMetadata` and the page share one backend call per
 * request. Returns null for a form that is not published, and without a
 * call for a slug that no form can have.
 */
export const loadPublishedForm = cache(async (slug: string) => {
  if (!SLUG_PATTERN.test(slug)) return null;
  return fetchQuery(api.forms.getPublished, { slug }, { url: env.convexUrl });
});
