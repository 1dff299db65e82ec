import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { localizeDefinition } from "@intake/form-schema";

import { FormView } from "../../../../components/form-view";
import { DEFAULT_LOCALE } from "../../../../components/i18n/locale";
import { requestLocales } from "../../../../components/i18n/request-locale";
import { formTabTitle } from "../../../../components/published-form";
import { loadPublishedForm } from "../../../load-published-form";

interface FormRouteProps {
  params: Promise<{ form: string; visitor?: string[] }>;
}

export async function generateMetadata({
  params,
}: FormRouteProps): Promise<Metadata> {
  const { form } = await params;
  const published = await loadPublishedForm(form);
  if (published === null) return { title: "Form not found" };

  // The title is in the language the layout renders the page in.
  const { requested, remembered } = await requestLocales();
  const locale = remembered ?? requested ?? DEFAULT_LOCALE;
  const { title } = localizeDefinition(published.definition, locale);
  return { title: formTabTitle(title, published.clinicName) };
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
