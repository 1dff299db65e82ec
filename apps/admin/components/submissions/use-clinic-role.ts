"use client";

import { convexQuery } from "@convex-dev/react-query";
import { api } from "@intake/backend/api";
import { useQuery } from "@tanstack/react-query";

/**
 * Returns the caller's role in a clinic from `clinics:listMine`: undefined
 * while loading and null for a clinic the caller is not a member of. The
 * backend checks roles again, so this only decides what to show.
 */
export function useClinicRole(
  clinicId: string,
): "owner" | "staff" | null | undefined {
  const clinics = useQuery(convexQuery(api.clinics.listMine, {}));
  if (clinics.data === undefined) return undefined;
  return clinics.data.find((row) => row.clinicId === clinicId)?.role ?? null;
}
