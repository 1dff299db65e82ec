"use client";

import { Button, Card, PageShell } from "@intake/ui";

import { useMessages } from "../components/i18n/locale-context";

/**
 * Shown when a page fails to render, such as when the backend is not
 * reachable. The error itself is not shown, since it may carry details
 * meant for developers. `retry` re-fetches the page (Next.js 16.5).
 */
export default function RouteError({ retry }: { retry: () => void }) {
  const text = useMessages().pages;
  return (
    <PageShell>
      <Card className="flex flex-col gap-3">
        <h1 className="text-2xl font-bold">{text.errorTitle}</h1>
        <p>{text.errorBody}</p>
        <div>
          <Button onClick={retry}>{text.retry}</Button>
        </div>
      </Card>
    </PageShell>
  );
}
