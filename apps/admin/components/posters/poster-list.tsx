"use client";

import { api } from "@intake/backend/api";
import type { Id } from "@intake/backend/dataModel";
import { getIntakeErrorData } from "@intake/backend/errors";
import { Button, FieldShell, TextInput } from "@intake/ui";
import { useMutation } from "convex/react";
import { useState, type FormEvent } from "react";

import { describeMutationError } from "@/lib/mutation-error";

/** A poster as `posters:list` returns it. */
export interface PosterRow {
  posterId: Id<"posters">;
  name: string;
  code: string;
  url: string;
}

/** Adds a named poster to a form with `posters:create`. */
export function NewPosterForm({
  formId,
  onCreated,
}: {
  formId: Id<"forms">;
  onCreated: (posterId: Id<"posters">) => void;
}) {
  const create = useMutation(api.posters.create);
  const [name, setName] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    try {
      const posterId = await create({ formId, name });
      setName("");
      onCreated(posterId);
    } catch (caught) {
      setError(posterError(caught, "add the poster"));
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={handleSubmit} className="flex flex-wrap items-end gap-3">
      <div className="min-w-64 flex-1">
        <NameInput
          id="new-poster-name"
          label="Poster name"
          help="Where it hangs, such as Front door or Exam room 2."
          value={name}
          error={error}
          onChange={setName}
        />
      </div>
      <Button type="submit" pending={pending}>
        Add poster
      </Button>
    </form>
  );
}

/** Renders a labelled input for a poster name of up to 60 characters. */
function NameInput({
  id,
  label,
  help,
  value,
  error,
  onChange,
}: {
  id: string;
  label: string;
  help?: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <FieldShell id={id} label={label} help={help} error={error} required>
      {(control) => (
        <TextInput
          id={control.id}
          name="posterName"
          value={value}
          maxLength={60}
          aria-required
          aria-invalid={control.invalid || undefined}
          aria-describedby={control.describedBy}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FieldShell>
  );
}

/** Maps a poster mutation failure to a message that says how to fix a name. */
function posterError(error: unknown, action: string): string {
  const data = getIntakeErrorData(error);
  if (data?.kind === "invalidArgument" && data.argument === "name") {
    return "Enter a name of 1 to 60 characters that no other poster of this form has.";
  }
  return describeMutationError(error, action);
}

/** Renders one poster with its name, URL, and rename and archive actions. */
export function PosterItem({
  poster,
  selected,
  onSelect,
}: {
  poster: PosterRow;
  selected: boolean;
  onSelect: () => void;
}) {
  const rename = useMutation(api.posters.rename);
  const archive = useMutation(api.posters.archive);
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(poster.name);
  const [error, setError] = useState<string>();

  async function handleRename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(undefined);
    try {
      await rename({ posterId: poster.posterId, name });
      setEditing(false);
    } catch (caught) {
      setError(posterError(caught, "rename the poster"));
    }
  }

  async function handleArchive() {
    setError(undefined);
    try {
      await archive({ posterId: poster.posterId });
    } catch (caught) {
      setError(describeMutationError(caught, "archive the poster"));
    }
  }

  return (
    <li className="border-border-subtle flex flex-col gap-2 rounded-lg border bg-canvas p-3">
      {editing ? (
        <form
          onSubmit={handleRename}
          className="flex flex-wrap items-end gap-2"
        >
          <div className="min-w-48 flex-1">
            <NameInput
              id={`rename-${poster.posterId}`}
              label={`New name for ${poster.name}`}
              value={name}
              error={error}
              onChange={setName}
            />
          </div>
          <Button type="submit">Save name</Button>
          <Button variant="ghost" onClick={() => setEditing(false)}>
            Cancel
          </Button>
        </form>
      ) : (
        <div className="flex flex-wrap items-center gap-3">
          <label className="flex items-center gap-2 font-semibold">
            <input
              type="radio"
              name="selected-poster"
              checked={selected}
              onChange={onSelect}
            />
            {poster.name}
          </label>
          <a
            href={poster.url}
            target="_blank"
            rel="noreferrer"
            className="text-accent text-sm break-all underline"
          >
            {poster.url}
          </a>
          <div className="ml-auto flex gap-2">
            <Button variant="secondary" onClick={() => setEditing(true)}>
              Rename
              <span className="sr-only"> {poster.name}</span>
            </Button>
            <Button variant="secondary" onClick={handleArchive}>
              Archive
              <span className="sr-only"> {poster.name}</span>
            </Button>
          </div>
        </div>
      )}
      {!editing && error ? (
        <p role="alert" className="text-danger text-sm">
          {error}
        </p>
      ) : null}
    </li>
  );
}
