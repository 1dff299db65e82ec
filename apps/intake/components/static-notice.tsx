"use client";

import { Card, PageShell } from "@intake/ui";

import { useMessages } from "./i18n/locale-context";

/** Props of {@link StaticNotice}. */
export interface StaticNoticeProps {
  kind: "notFound" | "home" | "kioskClosed";
}

/**
 * Renders a page with one card of text in the page language. Server pages
 * use it, because the language is known only below the locale provider.
 */
export function StaticNotice({ kind }: StaticNoticeProps) {
  const pages = useMessages().pages;
  const text = {
    notFound: { title: pages.notFoundTitle, body: pages.notFoundBody },
    home: { title: pages.homeTitle, body: pages.homeBody },
    kioskClosed: { title: pages.kioskClosedTitle, body: pages.kioskClosedBody },
  }[kind];

  return (
    <PageShell>
      <Card className="flex flex-col gap-3">
        <h1 className="text-2xl font-bold">{text.title}</h1>
        <p>{text.body}</p>
      </Card>
    </PageShell>
  );
}
