"use client";

import { Button, Card, PageShell } from "@intake/ui";

/**
 * Shown when a page fails to render, such as when the backend is not
 * reachable. The error itself is not shown, since it may carry details
 * meant for developers. `retry` re-fetches the page (Next.js 16.5).
 */
export default function RouteError({ retry }: { retry: () => void }) {
  return (
    <PageShell>
      <Card className="flex flex-col gap-3">
        <h1 className="text-2xl font-bold">Something went wrong</h1>
        <p>
          The form could not be loaded. Check your internet connection, then try
          again.
        </p>
        <div>
          <Button onClick={retry}>Try again</Button>
        </div>
      </Card>
    </PageShell>
  );
}
