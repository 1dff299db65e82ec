"use client";

import type { FormDefinition } from "@intake/form-schema";
import { Button } from "@intake/ui";

import { describeChange, diffDefinitions } from "@/lib/definition-diff";

/**
 * Tells the user that someone else saved the draft, lists how their own
 * draft differs from the latest one, and offers to load the latest or to
 * save theirs over it.
 */
export function ConflictPanel({
  mine,
  latest,
  onLoadLatest,
  onKeepMine,
}: {
  mine: FormDefinition;
  latest: FormDefinition;
  onLoadLatest: () => void;
  onKeepMine: () => void;
}) {
  const changes = diffDefinitions(latest, mine);
  return (
    <section
      role="alert"
      aria-labelledby="conflict-heading"
      className="border-danger flex flex-col gap-3 rounded-xl border-2 p-4"
    >
      <h2 id="conflict-heading" className="text-lg font-semibold">
        Someone else saved this draft
      </h2>
      <p>
        Your latest change was not saved, because a colleague saved the draft
        after you opened it. Load their version to keep editing, or save yours
        over it.
      </p>
      <ChangeList
        title="How your version differs from the latest"
        changes={changes.map(describeChange)}
      />
      <div className="flex flex-wrap gap-3">
        <Button onClick={onLoadLatest}>Load the latest draft</Button>
        <Button variant="secondary" onClick={onKeepMine}>
          Save my version over it
        </Button>
      </div>
    </section>
  );
}

/**
 * Shows the user's replaced draft after they loaded the latest one, so
 * they can apply their change again.
 */
export function ReplacedPanel({
  mine,
  latest,
  onDismiss,
}: {
  mine: FormDefinition;
  latest: FormDefinition;
  onDismiss: () => void;
}) {
  const changes = diffDefinitions(latest, mine).map(describeChange);
  return (
    <section
      aria-labelledby="replaced-heading"
      className="flex flex-col gap-3 rounded-xl border-2 border-border-subtle p-4"
    >
      <h2 id="replaced-heading" className="text-lg font-semibold">
        Your unsaved change
      </h2>
      <ChangeList
        title="Apply these again if you still want them"
        changes={changes}
      />
      <Button variant="ghost" className="self-start" onClick={onDismiss}>
        Dismiss
      </Button>
    </section>
  );
}

function ChangeList({ title, changes }: { title: string; changes: string[] }) {
  return (
    <div>
      <p className="font-semibold">{title}</p>
      {changes.length === 0 ? (
        <p>No differences.</p>
      ) : (
        <ul className="list-disc pl-5" data-testid="unsaved-changes">
          {changes.map((text, index) => (
            <li key={index}>{text}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
