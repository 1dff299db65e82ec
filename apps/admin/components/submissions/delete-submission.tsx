"use client";

import { api } from "@intake/backend/api";
import type { Id } from "@intake/backend/dataModel";
import { Button } from "@intake/ui";
import { useMutation } from "convex/react";
import { useRef, useState } from "react";

import { describeMutationError } from "@/lib/mutation-error";

/**
 * Deletes a submission with `inbox:remove` after the owner confirms in a
 * modal dialog. Only owners see it, because the backend lets only owners
 * delete.
 */
export function DeleteSubmission({
  submissionId,
  reference,
  onDeleted,
}: {
  submissionId: Id<"submissions">;
  reference: string;
  onDeleted: () => void;
}) {
  const remove = useMutation(api.inbox.remove);
  const dialog = useRef<HTMLDialogElement>(null);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState("");

  async function confirm() {
    setPending(true);
    setFailure("");
    try {
      await remove({ submissionId });
      dialog.current?.close();
      onDeleted();
    } catch (error) {
      setFailure(describeMutationError(error, "delete the submission"));
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <Button
        variant="secondary"
        onClick={() => dialog.current?.showModal()}
        className="self-start"
      >
        Delete
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby="delete-heading"
        className="bg-canvas m-auto max-w-md rounded-lg p-6 shadow-lg backdrop:bg-black/40"
      >
        <h2 id="delete-heading" className="text-lg font-semibold">
          Delete submission {reference}?
        </h2>
        <p className="mt-2">
          The answers and uploaded files are removed for good. The audit log
          keeps a record of the deletion.
        </p>
        <p role="alert" className="text-danger mt-2">
          {failure}
        </p>
        <div className="mt-4 flex justify-end gap-2">
          <Button variant="ghost" onClick={() => dialog.current?.close()}>
            Cancel
          </Button>
          <Button pending={pending} onClick={confirm}>
            Delete submission
          </Button>
        </div>
      </dialog>
    </>
  );
}
