"use client";

import { convexQuery } from "@convex-dev/react-query";
import { api } from "@intake/backend/api";
import { Select } from "@intake/ui";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useParams, useRouter } from "next/navigation";

/** Value of the switcher entry that opens the new-clinic page. */
const newClinicValue = "new";

/**
 * Renders the clinic picker of the staff header. The current clinic comes
 * from the `/clinics/<clinic>` address, so choosing another one navigates
 * to that clinic's forms.
 */
export function ClinicSwitcher() {
  const params = useParams<{ clinic?: string }>();
  const clinics = useQuery(convexQuery(api.clinics.listMine, {}));
  const router = useRouter();
  const current = clinics.data?.find((row) => row.clinicId === params.clinic);

  if (!clinics.data || clinics.data.length === 0) return null;

  const options = [
    ...clinics.data.map((clinic) => ({
      value: clinic.clinicId,
      label: clinic.name,
    })),
    { value: newClinicValue, label: "Create another clinic…" },
  ];
  return (
    <nav aria-label="Clinic" className="flex flex-wrap items-center gap-3">
      <div className="w-56">
        <Select
          aria-label="Current clinic"
          options={options}
          value={current?.clinicId}
          placeholder="Choose a clinic"
          onChange={(value) =>
            router.push(
              value === newClinicValue
                ? "/clinics/new"
                : `/clinics/${value}/forms`,
            )
          }
        />
      </div>
      {current && (
        <>
          <Link
            href={`/clinics/${current.clinicId}/forms`}
            className="underline"
          >
            Forms
          </Link>
          <Link
            href={`/clinics/${current.clinicId}/settings/members`}
            className="underline"
          >
            Members
          </Link>
        </>
      )}
    </nav>
  );
}
