"use client";

import { api } from "@intake/backend/api";
import type { Id } from "@intake/backend/dataModel";
import { getIntakeErrorData } from "@intake/backend/errors";
import type { DefinitionProblem } from "@intake/form-schema";
import { Button } from "@intake/ui";
import { useMutation } from "convex/react";
import { useState } from "react";

import { describeMutationError } from "@/lib/mutation-error";

type Outcome =
  | { state: "idle" }
  | { state: "published"; version: number }
  | { state: "failed"; message: string; problems: DefinitionProblem[] };

/**
 * Publishes the draft with `forms:publish`, freezing it as the next version.
 * It names the draft revision shown, so a draft someone saved since is not
 * published unseen. Definition problems that block publishing are listed
 * under the button. The success message shows only while the form is still
 * published.
 */
export function PublishButton({
  formId,
  revision,
  isPublished,
}: {
  formId: Id<"forms">;
  /** The `draftRevision` of `forms:get` that the page shows. */
  revision: number;
  isPublished: boolean;
}) {
  const publish = useMutation(api.forms.publish);
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ state: "idle" });

  async function handleClick() {
    setPending(true);
    setOutcome({ state: "idle" });
    try {
      const { version } = await publish({ formId, revision });
      setOutcome({ state: "published", version });
    } catch (error) {
      const data = getIntakeErrorData(error);
      setOutcome({
        state: "failed",
        message: describeMutationError(error, "publish the form"),
        problems: data?.kind === "invalidDefinition" ? data.problems : [],
      });
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="flex flex-col gap-2">
      <Button
        variant={isPublished ? "secondary" : "primary"}
        pending={pending}
        onClick={handleClick}
        className="self-start"
      >
        {isPublished ? "Publish new version" : "Publish"}
      </Button>
      <p role="status">
        {outcome.state === "published" &&
          isPublished &&
          `Published version ${outcome.version}. Patients now see this version.`}
      </p>
      <div role="alert" className="text-danger">
        {outcome.state === "failed" && (
          <>
            <p className="font-semibold">{outcome.message}</p>
            {outcome.problems.length > 0 && (
              <ul className="list-disc pl-5">
                {outcome.problems.map((problem, index) => (
                  <li key={`${index}:${problem.path.join(".")}`}>
                    {problem.message}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </div>
  );
}
