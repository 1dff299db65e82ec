"use client";

import { convexQuery } from "@convex-dev/react-query";
import { api } from "@intake/backend/api";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

import { CreateClinicForm } from "@/components/clinics/create-clinic-form";
import { LoadError } from "@/components/shell/load-error";
import { PageHeading } from "@/components/shell/page-heading";

/** Opens the user's first clinic, or offers to create one. */
export default function HomePage() {
  const clinics = useQuery(convexQuery(api.clinics.listMine, {}));
  const router = useRouter();
  const firstClinicId = clinics.data?.[0]?.clinicId;

  useEffect(() => {
    if (firstClinicId) {
      router.replace(`/clinics/${firstClinicId}/forms`);
    }
  }, [firstClinicId, router]);

  if (clinics.isError) {
    return <LoadError error={clinics.error} subject="clinic list" />;
  }
  if (!clinics.data || firstClinicId) {
    return <p role="status">Loading your clinic…</p>;
  }
  return (
    <section className="flex flex-col gap-4">
      <title>Create a clinic · Intake</title>
      <PageHeading>Create your clinic</PageHeading>
      <p className="text-muted">
        Forms and submissions belong to a clinic. Name yours to start.
      </p>
      <CreateClinicForm />
    </section>
  );
}
