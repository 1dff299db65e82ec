"use client";

import Link from "next/link";
import { useParams } from "next/navigation";

/** Links to the current clinic's pages, shown once the address names a clinic. */
export function ClinicNav() {
  const params = useParams<{ clinic?: string }>();
  if (!params.clinic) return null;

  return (
    <nav aria-label="Clinic" className="flex gap-4">
      <Link href={`/clinics/${params.clinic}/forms`} className="underline">
        Forms
      </Link>
      <Link href={`/clinics/${params.clinic}/front-desk`} className="underline">
        Front desk
      </Link>
    </nav>
  );
}
