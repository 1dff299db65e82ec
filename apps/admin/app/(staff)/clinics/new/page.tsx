"use client";

import { CreateClinicForm } from "@/components/clinics/create-clinic-form";
import { PageHeading } from "@/components/shell/page-heading";

/** Creates another clinic, owned by the signed-in user. */
export default function NewClinicPage() {
  return (
    <section className="flex flex-col gap-4">
      <title>Create a clinic · Intake</title>
      <PageHeading>Create a clinic</PageHeading>
      <p className="text-muted">
        You become its owner. Your other clinics stay as they are.
      </p>
      <CreateClinicForm />
    </section>
  );
}
