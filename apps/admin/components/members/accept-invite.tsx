"use client";

import { api } from "@intake/backend/api";
import { getIntakeErrorData } from "@intake/backend/errors";
import { Button } from "@intake/ui";
import { useConvexAuth, useMutation, useQuery } from "convex/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { signInHref } from "@/lib/safe-redirect";
import {
  describeMutationError,
  inviteUnavailableMessage,
} from "@/lib/mutation-error";

/**
 * Shows what an invite link offers and accepts it. Anonymous visitors are
 * sent to sign in or create an account first, and come back here after.
 */
export function AcceptInvite({ token }: { token: string }) {
  const { isLoading, isAuthenticated } = useConvexAuth();
  const invite = useQuery(api.invites.peek, { token });
  const accept = useMutation(api.invites.accept);
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function handleAccept() {
    setMessage(null);
    setPending(true);
    try {
      const result = await accept({ token });
      if (result.status === "alreadyMember") {
        setMessage("You are already a member of this clinic.");
        setPending(false);
        return;
      }
      router.push(`/clinics/${result.clinicId}/forms`);
    } catch (caught) {
      const data = getIntakeErrorData(caught);
      setMessage(
        data?.kind === "inviteUnavailable"
          ? inviteUnavailableMessage(data.reason)
          : describeMutationError(caught, "accept the invite"),
      );
      setPending(false);
    }
  }

  if (invite === undefined || isLoading) {
    return <p role="status">Loading the invite…</p>;
  }
  if (invite === null) {
    return (
      <p role="alert">
        This invite link is not valid. Check that you copied all of it, or ask
        an owner of the clinic for a new link.
      </p>
    );
  }
  if (invite.state !== "valid") {
    return <p role="alert">{inviteUnavailableMessage(invite.state)}</p>;
  }

  const roleName = invite.role === "owner" ? "an owner" : "a staff member";
  return (
    <div className="flex flex-col gap-4">
      <p>
        You are invited to join <strong>{invite.clinicName}</strong> as{" "}
        {roleName}.
      </p>
      <p role="alert" className="font-semibold">
        {message}
      </p>
      {isAuthenticated ? (
        <Button onClick={handleAccept} pending={pending} className="self-start">
          Join {invite.clinicName}
        </Button>
      ) : (
        <>
          <p>Sign in or create an account first. You come back here after.</p>
          <Link
            href={signInHref(`/invite/${token}`)}
            className="text-accent self-start underline"
          >
            Sign in or create an account
          </Link>
        </>
      )}
      {message !== null && isAuthenticated && (
        <Link href="/" className="text-accent underline">
          Go to your clinic
        </Link>
      )}
    </div>
  );
}
