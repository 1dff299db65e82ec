"use client";

import { convexQuery } from "@convex-dev/react-query";
import { api } from "@intake/backend/api";
import type { Id } from "@intake/backend/dataModel";
import { useQuery } from "@tanstack/react-query";
import { useParams } from "next/navigation";

import { InviteForm } from "@/components/members/invite-form";
import { MembersList } from "@/components/members/members-list";
import { PendingInvites } from "@/components/members/pending-invites";
import { LoadError } from "@/components/shell/load-error";
import { PageHeading } from "@/components/shell/page-heading";

/** Shows the clinic's members. Owners also manage roles and invites here. */
export default function MembersPage() {
  const params = useParams<{ clinic: string }>();
  // The address carries the id as text, and the backend validates it.
  const clinicId = params.clinic as Id<"clinics">;
  const clinics = useQuery(convexQuery(api.clinics.listMine, {}));
  const members = useQuery(convexQuery(api.members.list, { clinicId }));
  const clinic = clinics.data?.find((row) => row.clinicId === clinicId);
  const isOwner = clinic?.role === "owner";

  if (members.isError) {
    return <LoadError error={members.error} subject="clinic" />;
  }
  return (
    <div className="flex flex-col gap-8">
      <title>
        {clinic ? `Members · ${clinic.name} · Intake` : "Members · Intake"}
      </title>
      <div className="flex flex-col gap-1">
        {clinic && <p className="text-muted">{clinic.name}</p>}
        <PageHeading>Members</PageHeading>
      </div>
      {members.data ? (
        <MembersList
          clinicId={clinicId}
          members={members.data}
          isOwner={isOwner}
        />
      ) : (
        <p role="status">Loading members…</p>
      )}
      {isOwner && (
        <>
          <InviteForm clinicId={clinicId} />
          <PendingInvites clinicId={clinicId} />
        </>
      )}
    </div>
  );
}
