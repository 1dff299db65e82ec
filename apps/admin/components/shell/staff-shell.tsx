import Link from "next/link";
import type { ReactNode } from "react";

import { SignOutButton } from "@/components/auth/sign-out-button";
import { ClinicNav } from "@/components/shell/clinic-nav";

/** Renders the header, skip link and main landmark of every staff page. */
export function StaffShell({ children }: { children: ReactNode }) {
  return (
    <div className="bg-surface min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-10 focus:rounded-md focus:bg-canvas focus:px-4 focus:py-2 focus:shadow"
      >
        Skip to content
      </a>
      <header className="border-border-subtle bg-canvas border-b">
        <div className="mx-auto flex max-w-5xl items-center justify-between px-4 py-3">
          <Link href="/" className="text-ink text-lg font-semibold">
            Intake
          </Link>
          <ClinicNav />
          <SignOutButton />
        </div>
      </header>
      <main id="main" className="mx-auto max-w-5xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}
