"use client";

import { Card } from "@intake/ui";
import { useEffect, useRef } from "react";

import { useMessages } from "./i18n/locale-context";

/** Props of {@link FormStopped}. */
export interface FormStoppedProps {
  /** True on a phone, where the draft keeps the answers. */
  draftKept: boolean;
}

/**
 * Replaces the form when the clinic unpublishes it during the visit. Focus
 * moves to the heading, so a screen reader announces the change at once.
 */
export function FormStopped({ draftKept }: FormStoppedProps) {
  const text = useMessages().stopped;
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <Card tone="danger" className="flex flex-col gap-3">
      <h1 ref={headingRef} tabIndex={-1} className="text-2xl font-bold">
        {text.title}
      </h1>
      <p>{text.body}</p>
      {draftKept ? <p>{text.draftKept}</p> : null}
      <p>{text.help}</p>
    </Card>
  );
}
