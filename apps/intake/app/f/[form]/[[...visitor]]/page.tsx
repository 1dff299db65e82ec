import type { Metadata } from "next";
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
  const published = await loadPublishedForm(form);

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

  const published = await loadPublishedForm(form);
  if (published === null) notFound();

  return (
    <FormView
      slug={form}
      initial={published}
      visitorFromUrl={visitor[0] ?? null}
    />
  );
}
