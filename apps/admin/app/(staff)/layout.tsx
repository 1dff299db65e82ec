import type { ReactNode } from "react";

import { RequireStaff } from "@/components/auth/require-staff";
import { StaffShell } from "@/components/shell/staff-shell";

export default function StaffLayout({ children }: { children: ReactNode }) {
  return (
    <RequireStaff>
      <StaffShell>{children}</StaffShell>
    </RequireStaff>
  );
}
