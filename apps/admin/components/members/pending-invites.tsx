"use client";

import { convexQuery } from "@convex-dev/react-query";
import { api } from "@intake/backend/api";
import type { Id } from "@intake/backend/dataModel";
import { Button } from "@intake/ui";
import { useQuery } from "@tanstack/react-query";
import { useMutation } from "convex/react";
import { useState } from "react";

import { LoadError } from "@/components/shell/load-error";
import { formatDateTime } from "@/lib/format-time";
import { describeMutationError } from "@/lib/mutation-error";

/** Lists the clinic's unused invites for owners, with a revoke button. */
export function PendingInvites({ clinicId }: { clinicId: Id<"clinics"> }) {
  const invites = useQuery(convexQuery(api.invites.list, { clinicId }));
  const revoke = useMutation(api.invites.revoke);
  const [error, setError] = useState<string | null>(null);

  async function handleRevoke(inviteId: Id<"invites">) {
    setError(null);
    try {
      await revoke({ inviteId });
    } catch (caught) {
      setError(describeMutationError(caught, "revoke the invite"));
    }
  }

  if (invites.isError) {
    return <LoadError error={invites.error} subject="invites" />;
  }
  return (
    <section aria-labelledby="invites-heading" className="flex flex-col gap-3">
      <h2 id="invites-heading" className="text-lg font-semibold">
        Pending invites
      </h2>
      <p role="alert" className="text-danger font-semibold">
        {error}
      </p>
      {!invites.data && <p role="status">Loading invites…</p>}
      {invites.data?.length === 0 && <p>No pending invites.</p>}
      {invites.data && invites.data.length > 0 && (
        <ul className="flex flex-col gap-2">
          {invites.data.map((invite) => (
            <li
              key={invite.inviteId}
              className="flex flex-wrap items-center gap-3"
            >
              <span>
                {invite.email ?? "Anyone with the link"} · {invite.role} ·{" "}
                {invite.state === "expired"
                  ? "expired"
                  : `expires ${formatDateTime(invite.expiresAt)}`}
              </span>
              <Button
                variant="ghost"
                onClick={() => handleRevoke(invite.inviteId)}
              >
                Revoke
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
