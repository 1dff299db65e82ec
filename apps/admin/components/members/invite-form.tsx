"use client";

import { api } from "@intake/backend/api";
import type { Id } from "@intake/backend/dataModel";
import { Button, FieldShell, Select, TextInput } from "@intake/ui";
import { useMutation } from "convex/react";
import { useState, type FormEvent } from "react";

import { describeMutationError } from "@/lib/mutation-error";

const roleOptions = [
  { value: "staff", label: "Staff" },
  { value: "owner", label: "Owner" },
] as const;

type Role = (typeof roleOptions)[number]["value"];

/**
 * Renders the owner's form that creates an invite link. The link is shown
 * once, because the backend stores only a hash of its token.
 */
export function InviteForm({ clinicId }: { clinicId: Id<"clinics"> }) {
  const createInvite = useMutation(api.invites.create);
  const [role, setRole] = useState<Role>("staff");
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "");
    setError(null);
    setPending(true);
    try {
      const { token } = await createInvite({
        clinicId,
        role,
        ...(email.trim() === "" ? {} : { email }),
      });
      setLink(new URL(`/invite/${token}`, window.location.origin).href);
      setCopied(false);
    } catch (caught) {
      setError(describeMutationError(caught, "create the invite"));
    } finally {
      setPending(false);
    }
  }

  async function copyLink() {
    if (link === null) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      setError("Could not copy the link. Select it and copy it by hand.");
    }
  }

  return (
    <form
      noValidate
      onSubmit={handleSubmit}
      aria-labelledby="invite-heading"
      className="flex max-w-md flex-col gap-4"
    >
      <h2 id="invite-heading" className="text-lg font-semibold">
        Invite a colleague
      </h2>
      <p role="alert" className="text-danger font-semibold">
        {error}
      </p>
      <FieldShell id="invite-role" label="Role">
        {(control) => (
          <Select
            id={control.id}
            options={roleOptions}
            value={role}
            onChange={(value) => setRole(value as Role)}
            aria-describedby={control.describedBy}
          />
        )}
      </FieldShell>
      <FieldShell
        id="invite-email"
        label="Email (optional)"
        help="A note for your list of invites. Anyone with the link can join."
      >
        {(control) => (
          <TextInput
            id={control.id}
            name="email"
            type="email"
            autoComplete="off"
            aria-describedby={control.describedBy}
          />
        )}
      </FieldShell>
      <Button type="submit" pending={pending} className="self-start">
        Create invite link
      </Button>
      {link !== null && (
        <div className="flex flex-col gap-2">
          <label htmlFor="invite-link" className="font-medium">
            Invite link, valid for 7 days and for one person
          </label>
          <TextInput id="invite-link" readOnly value={link} />
          <Button variant="secondary" onClick={copyLink} className="self-start">
            {copied ? "Copied" : "Copy link"}
          </Button>
        </div>
      )}
    </form>
  );
}
