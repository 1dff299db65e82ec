"use client";

import { convexQuery } from "@convex-dev/react-query";
import { api } from "@intake/backend/api";
import type { Id } from "@intake/backend/dataModel";
import type { FormDefinition } from "@intake/form-schema";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";

import { LoadError } from "@/components/shell/load-error";
import { PageHeading } from "@/components/shell/page-heading";
import { describeChange, diffDefinitions } from "@/lib/definition-diff";
import { formatDateTime, isoDateTime } from "@/lib/format-time";

/**
 * Lists a form's versions, newest first, with who published each and
 * when, and what changed from the version before. The unpublished edits
 * of the draft come first.
 */
export function VersionHistory({ formId }: { formId: Id<"forms"> }) {
  const form = useQuery(convexQuery(api.forms.get, { formId }));

  if (form.isError) {
    return <LoadError error={form.error} subject="form" />;
  }
  if (!form.data) {
    return <p role="status">Loading the history…</p>;
  }
  const { clinicId, title, versions, draft, nextVersion, draftIsPublished } =
    form.data;
  const latest = versions[0];

  return (
    <div className="flex flex-col gap-6">
      <title>{`History of ${title} · Intake`}</title>
      <div className="flex flex-wrap gap-4">
        <Link
          href={`/clinics/${clinicId}/forms/${formId}`}
          className="text-accent underline"
        >
          Back to the form
        </Link>
        <Link
          href={`/clinics/${clinicId}/forms/${formId}/edit`}
          className="text-accent underline"
        >
          Edit form
        </Link>
      </div>
      <PageHeading>History of {title}</PageHeading>
      {latest && !draftIsPublished && (
        <section
          aria-labelledby="draft-heading"
          className="flex flex-col gap-2"
        >
          <h2 id="draft-heading" className="text-lg font-semibold">
            Draft of version {nextVersion}
          </h2>
          <DraftChanges versionId={latest.versionId} draft={draft} />
        </section>
      )}
      {versions.length === 0 ? (
        <p>This form has no published versions yet.</p>
      ) : (
        <ol className="flex flex-col gap-4" aria-label="Versions">
          {versions.map((version, index) => (
            <li
              key={version.versionId}
              className="rounded-xl border-2 border-border-subtle p-4"
            >
              <h2 className="text-lg font-semibold">
                Version {version.version}
              </h2>
              <p className="text-muted">
                Published by {version.publishedBy} on{" "}
                <time dateTime={isoDateTime(version.publishedAt)}>
                  {formatDateTime(version.publishedAt)}
                </time>
              </p>
              <VersionChanges
                versionId={version.versionId}
                previousId={versions[index + 1]?.versionId ?? null}
              />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function VersionChanges({
  versionId,
  previousId,
}: {
  versionId: Id<"formVersions">;
  previousId: Id<"formVersions"> | null;
}) {
  const current = useQuery(convexQuery(api.versions.get, { versionId }));
  const previous = useQuery({
    ...convexQuery(api.versions.get, { versionId: previousId ?? versionId }),
    enabled: previousId !== null,
  });

  if (previousId === null) return <p>First published version.</p>;
  if (current.isError || previous.isError) {
    return <p role="alert">Could not load this version. Reload the page.</p>;
  }
  if (!current.data || !previous.data) {
    return <p role="status">Loading the changes…</p>;
  }
  return (
    <ChangeSummary
      before={previous.data.definition}
      after={current.data.definition}
    />
  );
}

function DraftChanges({
  versionId,
  draft,
}: {
  versionId: Id<"formVersions">;
  draft: FormDefinition;
}) {
  const latest = useQuery(convexQuery(api.versions.get, { versionId }));
  if (!latest.data) return <p role="status">Loading the changes…</p>;
  return <ChangeSummary before={latest.data.definition} after={draft} />;
}

function ChangeSummary({
  before,
  after,
}: {
  before: FormDefinition;
  after: FormDefinition;
}) {
  const changes = diffDefinitions(before, after);
  if (changes.length === 0) return <p>No changes.</p>;
  return (
    <ul className="list-disc pl-5">
      {changes.map((change, index) => (
        <li key={index}>{describeChange(change)}</li>
      ))}
    </ul>
  );
}
