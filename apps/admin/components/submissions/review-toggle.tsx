"use client";

import { api } from "@intake/backend/api";
import type { Id } from "@intake/backend/dataModel";
import { Button } from "@intake/ui";
import { useMutation } from "convex/react";
import { useState } from "react";

import { describeMutationError } from "@/lib/mutation-error";

/**
 * Marks a submission reviewed, or new again, with `submissions:setReviewed`.
 * The label follows the live `reviewed` value, and each change is announced
 * in a polite live region.
 */
export function ReviewToggle({
  submissionId,
  reference,
  reviewed,
}: {
  submissionId: Id<"submissions">;
  reference: string;
  reviewed: boolean;
}) {
  const setReviewed = useMutation(api.submissions.setReviewed);
  const [pending, setPending] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const [failure, setFailure] = useState("");

  async function toggle() {
    const next = !reviewed;
    setPending(true);
    setFailure("");
    try {
      await setReviewed({ submissionId, reviewed: next });
      setAnnouncement(
        next
          ? `Submission ${reference} marked reviewed.`
          : `Submission ${reference} marked as new.`,
      );
    } catch (error) {
      setAnnouncement("");
      setFailure(
        describeMutationError(
          error,
          next ? "mark the submission reviewed" : "mark the submission as new",
        ),
      );
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="flex flex-col gap-1">
      <Button
        variant={reviewed ? "secondary" : "primary"}
        pending={pending}
        onClick={toggle}
        className="self-start"
      >
        {reviewed ? "Mark as new" : "Mark reviewed"}
      </Button>
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
      <p role="alert" className="text-danger">
        {failure}
      </p>
    </div>
  );
}
