"use client";

import { convexQuery } from "@convex-dev/react-query";
import { api } from "@intake/backend/api";
import type { Id } from "@intake/backend/dataModel";
import { Button } from "@intake/ui";
import { useQuery } from "@tanstack/react-query";
import { useMutation } from "convex/react";
import { useState, type ReactNode } from "react";

import { describeMutationError } from "@/lib/mutation-error";

const minDays = 30;
const maxDays = 3650;

/**
 * Shows how many days a form's submissions are kept, from
 * `retention:get`, and lets an owner (`canEdit`) change it from 30 to
 * 3650 days with `retention:set`. Every form has a period, the default
 * until an owner sets one. A daily job deletes older submissions and
 * their files.
 */
export function RetentionSetting({
  formId,
  canEdit,
}: {
  formId: Id<"forms">;
  canEdit: boolean;
}) {
  const current = useQuery(convexQuery(api.retention.get, { formId }));
  const save = useMutation(api.retention.set);
  const [draft, setDraft] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState("");
  const [failure, setFailure] = useState("");

  if (current.data === undefined) return null;
  const saved = current.data;
  const text = draft ?? String(saved.retentionDays);
  const summary = `Submissions older than ${saved.retentionDays} days are deleted daily${saved.isDefault ? " (the default period)" : ""}.`;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setFailure("");
    setMessage("");
    const days = Number(text);
    if (
      text.trim() === "" ||
      !Number.isInteger(days) ||
      days < minDays ||
      days > maxDays
    ) {
      setFailure(`Enter a whole number of days from ${minDays} to ${maxDays}.`);
      return;
    }
    setPending(true);
    try {
      await save({ formId, retentionDays: days });
      setDraft(null);
      setMessage(`Submissions older than ${days} days are deleted daily.`);
    } catch (error) {
      setFailure(describeMutationError(error, "save the retention period"));
    } finally {
      setPending(false);
    }
  }

  if (!canEdit) {
    return (
      <RetentionSection>
        <p>{summary}</p>
        <p className="text-muted text-sm">
          Only clinic owners can change the retention period.
        </p>
      </RetentionSection>
    );
  }

  return (
    <RetentionSection>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1">
          <span className="font-medium">Keep submissions for (days)</span>
          <input
            type="number"
            inputMode="numeric"
            min={minDays}
            max={maxDays}
            required
            value={text}
            onChange={(event) => setDraft(event.target.value)}
            className="border-border-subtle bg-canvas min-h-12 w-40 rounded-md border px-3"
          />
        </label>
        <Button type="submit" variant="secondary" pending={pending}>
          Save retention
        </Button>
      </form>
      <p className="text-muted text-sm">{summary}</p>
      <p role="status" className="text-sm">
        {message}
      </p>
      <p role="alert" className="text-danger text-sm">
        {failure}
      </p>
    </RetentionSection>
  );
}

function RetentionSection({ children }: { children: ReactNode }) {
  return (
    <section
      aria-labelledby="retention-heading"
      className="flex flex-col gap-2 print:hidden"
    >
      <h2 id="retention-heading" className="text-lg font-semibold">
        Retention
      </h2>
      {children}
    </section>
  );
}
