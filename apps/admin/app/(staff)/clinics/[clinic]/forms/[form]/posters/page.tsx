"use client";

import { convexQuery } from "@convex-dev/react-query";
import { api } from "@intake/backend/api";
import type { Id } from "@intake/backend/dataModel";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useParams } from "next/navigation";
import { useState } from "react";

import {
  NewPosterForm,
  PosterItem,
  type PosterRow,
} from "@/components/posters/poster-list";
import { PosterPreview } from "@/components/posters/poster-preview";
import { LoadError } from "@/components/shell/load-error";
import { PageHeading } from "@/components/shell/page-heading";
import { env } from "@/env";
import { posterUrl } from "@/lib/qr-code";

/** Lists a form's posters, adds and renames them, and prints them. */
export default function PostersPage() {
  const params = useParams<{ clinic: string; form: string }>();
  // The address carries the ids as text, and the backend validates them.
  const formId = params.form as Id<"forms">;
  const form = useQuery(convexQuery(api.forms.get, { formId }));
  const posters = useQuery(convexQuery(api.posters.list, { formId }));
  const clinics = useQuery(convexQuery(api.clinics.listMine, {}));
  const [selectedId, setSelectedId] = useState<Id<"posters">>();

  if (form.isError) return <LoadError error={form.error} subject="form" />;
  if (posters.isError) {
    return <LoadError error={posters.error} subject="form" />;
  }
  if (!form.data || !posters.data) {
    return <p role="status">Loading the posters…</p>;
  }

  const { title, slug, clinicId, status } = form.data;
  const clinicName =
    clinics.data?.find((clinic) => clinic.clinicId === clinicId)?.name ?? "";
  const rows: PosterRow[] = posters.data.map((poster) => ({
    posterId: poster.posterId,
    name: poster.name,
    code: poster.code,
    url: posterUrl(env.intakeUrl, poster.code),
  }));
  const selected =
    rows.find((row) => row.posterId === selectedId) ?? rows[0] ?? null;

  return (
    <div className="flex flex-col gap-8">
      <title>{`Posters · ${title} · Intake`}</title>
      <div className="flex flex-col gap-3">
        <Link
          href={`/clinics/${clinicId}/forms/${formId}`}
          className="text-accent self-start underline"
        >
          Back to {title}
        </Link>
        <PageHeading>Posters</PageHeading>
        <p className="text-muted">
          Each poster has its own link, so the analytics show which one patients
          scanned.
        </p>
        {status !== "published" ? (
          <p role="status" className="font-semibold">
            This form is not published. Its posters open only after you publish
            it.
          </p>
        ) : null}
      </div>
      <NewPosterForm formId={formId} onCreated={setSelectedId} />
      <section
        aria-labelledby="posters-heading"
        className="flex flex-col gap-3"
      >
        <h2 id="posters-heading" className="text-lg font-semibold">
          {`Posters of ${title}`}
        </h2>
        {rows.length === 0 ? (
          <p>No posters yet. Add one above to print its QR code.</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {rows.map((row) => (
              <PosterItem
                key={row.posterId}
                poster={row}
                selected={row.posterId === selected?.posterId}
                onSelect={() => setSelectedId(row.posterId)}
              />
            ))}
          </ul>
        )}
      </section>
      {selected !== null && clinics.data ? (
        <PosterPreview
          text={{ clinicName, formTitle: title, url: selected.url }}
          fileStem={`${slug}-${selected.code}`}
        />
      ) : null}
    </div>
  );
}
