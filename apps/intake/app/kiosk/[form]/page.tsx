import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { KioskView } from "../../../components/kiosk/kiosk-view";
import { parseKioskTiming } from "../../../components/kiosk/kiosk-timing";
import { loadPublishedForm } from "../../load-published-form";

interface KioskRouteProps {
  params: Promise<{ form: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({
  params,
}: KioskRouteProps): Promise<Metadata> {
  const { form } = await params;
  const published = await loadPublishedForm(form);

  return {
    title: published
      ? `${published.title} · ${published.clinicName} kiosk`
      : "Form not found",
  };
}

/**
 * /kiosk/<form>: the form on the shared front-desk tablet. The `idle`,
 * `countdown` and `confirmation` query parameters shorten the timeouts for
 * tests, within the bounds of `parseKioskTiming`.
 */
export default async function KioskRoute({
  params,
  searchParams,
}: KioskRouteProps) {
  const { form } = await params;
  const published = await loadPublishedForm(form);
  if (published === null) notFound();

  return (
    <KioskView
      slug={form}
      initial={published}
      timing={parseKioskTiming(await searchParams)}
    />
  );
}
