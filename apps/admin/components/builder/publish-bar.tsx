"use client";

import { api } from "@intake/backend/api";
import type { Id } from "@intake/backend/dataModel";
import { getIntakeErrorData } from "@intake/backend/errors";
import { Button } from "@intake/ui";
import { useMutation } from "convex/react";
import { useId, useState } from "react";

import { describeMutationError } from "@/lib/mutation-error";

/**
 * Publishes the saved draft with `forms:publish`, naming the revision the
 * builder shows. The button is disabled with the reason while the draft
 * has problems, unsaved edits or a conflict.
 */
export function PublishBar({
  formId,
  revision,
  nextVersion,
  blockedReason,
}: {
  formId: Id<"forms">;
  revision: number;
  nextVersion: number;
  blockedReason: string | null;
}) {
  const publish = useMutation(api.forms.publish);
  const reasonId = useId();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function handleClick() {
    setPending(true);
    setMessage(null);
    setFailure(null);
    try {
      const { version } = await publish({ formId, revision });
      setMessage(`Published version ${version}. Patients now see it.`);
    } catch (error) {
      const data = getIntakeErrorData(error);
      setFailure(
        data?.kind === "draftConflict"
          ? "Could not publish: someone else saved the draft. Check the latest draft first."
          : describeMutationError(error, "publish the form"),
      );
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="flex flex-col gap-1">
      <Button
        pending={pending}
        disabled={blockedReason !== null}
        aria-describedby={blockedReason ? reasonId : undefined}
        onClick={handleClick}
        className="self-start"
      >
        Publish version {nextVersion}
      </Button>
      {blockedReason && (
        <p id={reasonId} className="text-muted">
          {blockedReason}
        </p>
      )}
      <p role="status">{message}</p>
      {failure && (
        <p role="alert" className="text-danger">
          {failure}
        </p>
      )}
    </div>
  );
}
