"use client";

import { useParams } from "next/navigation";

import { AcceptInvite } from "@/components/members/accept-invite";
import { PageHeading } from "@/components/shell/page-heading";

/** Lets a colleague join a clinic through an invite link. */
export default function InvitePage() {
  const { token } = useParams<{ token: string }>();

  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-6 px-4 py-12">
      <title>Join a clinic · Intake</title>
      <PageHeading>Join a clinic</PageHeading>
      <AcceptInvite token={token} />
    </main>
  );
}
