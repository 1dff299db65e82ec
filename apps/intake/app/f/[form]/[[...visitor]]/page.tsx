import type { Metadata } from "next";
import { preloadedQueryResult } from "convex/nextjs";
import { notFound } from "next/navigation";

import { FormView } from "../../../../components/form-view";
import { loadPublishedForm } from "../../../load-published-form";

interface FormRouteProps {
  params: Promise<{ form: string; visitor?: string[] }>;
}

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
