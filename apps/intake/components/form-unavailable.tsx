"use client";

import { Card } from "@intake/ui";

import { useMessages } from "./i18n/locale-context";

/**
 * Tells the patient that no published form exists at this address, with
 * what to do next. It serves unknown and unpublished forms alike, so an
 * address reveals nothing about drafts.
 */
export function FormUnavailable() {
  const text = useMessages().unavailable;
  return (
    <Card className="flex flex-col gap-3">
      <h1 className="text-2xl font-bold">{text.title}</h1>
      <p>{text.body}</p>
      <p>{text.help}</p>
    </Card>
  );
}
