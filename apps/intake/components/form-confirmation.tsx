"use client";

import { Card } from "@intake/ui";
import { useEffect, useRef } from "react";

import { useMessages } from "./i18n/locale-context";

/** Props of {@link FormConfirmation}. */
export interface FormConfirmationProps {
  clinicName: string;
  /** Short reference of the stored submission, shown to the patient. */
  reference: string;
}

/**
 * Confirms a stored submission and shows its reference. Focus moves to the
 * heading, so a screen reader announces the result right away.
 */
export function FormConfirmation({
  clinicName,
  reference,
}: FormConfirmationProps) {
  const text = useMessages().confirmation;
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <Card tone="success" className="flex flex-col gap-4">
      <h1
        ref={headingRef}
        tabIndex={-1}
        className="text-2xl font-bold text-ink"
      >
        {text.title}
      </h1>
      <p>{text.received(clinicName)}</p>
      <div>
        <p className="text-base text-muted">{text.reference}</p>
        <p className="font-mono text-3xl font-bold tracking-widest">
          {reference}
        </p>
      </div>
      <p>{text.hint}</p>
    </Card>
  );
}
