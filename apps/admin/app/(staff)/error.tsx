"use client";

import { Button } from "@intake/ui";

import { PageHeading } from "@/components/shell/page-heading";

/**
 * Renders in place of a staff page that threw while rendering. The error
 * text stays out of the page, because it can carry server details.
 */
export default function StaffError({ retry }: { retry: () => void }) {
  return (
    <div role="alert" className="flex flex-col items-start gap-4">
      <PageHeading>Something went wrong</PageHeading>
      <p>This page failed to load. Try again, or reload the page.</p>
      <Button onClick={retry}>Try again</Button>
    </div>
  );
}
