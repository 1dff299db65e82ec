"use client";

import { api } from "@intake/backend/api";
import type { Id } from "@intake/backend/dataModel";
import { Button } from "@intake/ui";
import { useMutation } from "convex/react";
import { useEffect, useRef, useState } from "react";

import { describeMutationError } from "@/lib/mutation-error";

type Step =
  | { state: "idle" }
  | { state: "confirming" }
  | { state: "unpublished" }
  | { state: "failed"; message: string };

/**
 * Takes a published form offline with `forms:unpublish` after the user
 * confirms. The form's status itself updates through the page's live
 * `forms:get` subscription.
 */
export function UnpublishButton({
  formId,
  isPublished,
}: {
  formId: Id<"forms">;
  isPublished: boolean;
}) {
  const unpublish = useMutation(api.forms.unpublish);
  const [step, setStep] = useState<Step>({ state: "idle" });
  const [pending, setPending] = useState(false);
  const openButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const confirming = step.state === "confirming";

  useEffect(() => {
    if (confirming) {
      confirmButton.current?.focus();
    }
  }, [confirming]);

  function cancel() {
    setStep({ state: "idle" });
    // The open button is rendered again once the confirmation closes.
    requestAnimationFrame(() => openButton.current?.focus());
  }

  async function confirm() {
    setPending(true);
    try {
      await unpublish({ formId });
      // NOTE: the confirmation and its focused button unmount here, so focus
      // falls back to the page body. The status message is still announced.
      setStep({ state: "unpublished" });
    } catch (error) {
      setStep({
        state: "failed",
        message: describeMutationError(error, "unpublish the form"),
      });
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="flex flex-col gap-2">
      {isPublished && !confirming && (
        <Button
          ref={openButton}
          variant="secondary"
          onClick={() => setStep({ state: "confirming" })}
          className="self-start"
        >
          Unpublish
        </Button>
      )}
      {isPublished && confirming && (
        <div
          role="group"
          aria-labelledby="unpublish-question"
          aria-describedby="unpublish-consequence"
          onKeyDown={(event) => {
            if (event.key === "Escape") cancel();
          }}
          className="border-border-subtle flex flex-col gap-3 rounded-lg border p-4"
        >
          <p id="unpublish-question" className="font-semibold">
            Unpublish this form?
          </p>
          <p id="unpublish-consequence">
            Patients can no longer open or submit it. Its versions and
            submissions stay, and publishing again makes a new version live.
          </p>
          <div className="flex flex-wrap gap-2">
            <Button ref={confirmButton} pending={pending} onClick={confirm}>
              Unpublish form
            </Button>
            <Button variant="ghost" onClick={cancel}>
              Cancel
            </Button>
          </div>
        </div>
      )}
      <p role="status">
        {step.state === "unpublished" &&
          !isPublished &&
          "Unpublished. Patients can no longer open this form."}
      </p>
      <p role="alert" className="text-danger">
        {step.state === "failed" && step.message}
      </p>
    </div>
  );
}
