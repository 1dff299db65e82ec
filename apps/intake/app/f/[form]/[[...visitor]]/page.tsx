import { api } from "@intake/backend/api";
import type { Metadata } from "next";
import { preloadQuery, preloadedQueryResult } from "convex/nextjs";
import { notFound } from "next/navigation";
import { cache } from "react";

import { FormView } from "../../../../components/form-view";
import { env } from "../../../env";

interface FormRouteProps {
  params: Promise<{ form: string; visitor?: string[] }>;
}

/** Slugs the backend creates: lowercase words joined by "-". */
const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,99}$/;

/**
 * Loads the published form. React's `cache` lets `generateMetadata` and
 * the page share one backend call per request. Returns null, without a
 * call, for a slug that no form can have.
 */
const loadPublishedForm = cache(async (slug: string) => {
  if (!SLUG_PATTERN.test(slug)) return null;
  return preloadQuery(api.forms.getPublished, { slug }, { url: env.convexUrl });
});

export async function generateMetadata({
  params,
}: FormRouteProps): Promise<Metadata> {
  const { form } = await params;
  const preloaded = await loadPublishedForm(form);
  const published = preloaded ? preloadedQueryResult(preloaded) : null;

  return {
    title: published
      ? `${published.title} · ${published.clinicName}`
      : "Form not found",
  };
}

/**
 * /f/<form> and /f/<form>/<visitor>: server-renders the published form so
 * it is in the first HTML response, then hands it to the client renderer.
 */
export default async function FormRoute({ params }: FormRouteProps) {
  const { form, visitor = [] } = await params;
  if (visitor.length > 1) notFound();

  const preloaded = await loadPublishedForm(form);
  if (preloaded === null || preloadedQueryResult(preloaded) === null) {
    notFound();
  }

  return (
    <FormView
      slug={form}
      preloaded={preloaded}
      visitorFromUrl={visitor[0] ?? null}
    />
  );
}
