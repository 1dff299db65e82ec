"use client";

import type { ReactNode } from "react";

import { cn } from "../lib/cn";
import { useUiText } from "../text/ui-text-context";

/** ARIA wiring that a control inside a {@link FieldShell} must apply. */
export interface FieldControlProps {
  /** Id of the control, or of the first option in a group. */
  id: string;
  /** Ids of the help text and the error region, space separated. */
  describedBy: string;
  invalid: boolean;
  required: boolean;
}

/** Props of {@link FieldShell}. */
export interface FieldShellProps {
  /** Id of the control. The help and error regions derive their ids from it. */
  id: string;
  label: string;
  help?: string;
  /** Error message to show, or an empty value when the field is valid. */
  error?: string | null;
  required?: boolean;
  /**
   * Renders a fieldset with a legend instead of a label, for radio and
   * checkbox groups where no single input owns the label.
   */
  group?: boolean;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/** Returns the ids of the help text and error region of a field. */
export function fieldShellIds(id: string): { helpId: string; errorId: string } {
  return { helpId: `${id}-help`, errorId: `${id}-error` };
}

/**
 * Lays out one form field: label or legend, optional help, the control and
 * an error region. The error region stays mounted, visible and empty while
 * the field is valid, because screen readers announce changes only in live
 * regions that are already in the accessibility tree.
 */
export function FieldShell({
  id,
  label,
  help,
  error,
  required = false,
  group = false,
  className,
  children,
}: FieldShellProps) {
  const { helpId, errorId } = fieldShellIds(id);
  const describedBy = help ? `${helpId} ${errorId}` : errorId;
  const invalid = Boolean(error);
  const control = children({ id, describedBy, invalid, required });
  const title = <FieldLabelText label={label} required={required} />;

  const body = (
    <>
      {help ? (
        <p id={helpId} className="text-base text-muted">
          {help}
        </p>
      ) : null}
      {control}
      <FieldError id={errorId} message={error} />
    </>
  );

  const layout = cn("flex min-w-0 flex-col gap-2", className);

  if (group) {
    return (
      // ARIA 1.2 does not support aria-invalid on a fieldset's group role,
      // so the group controls mark each input instead.
      <fieldset className={layout} aria-describedby={describedBy}>
        <legend className="mb-2 text-lg font-semibold">{title}</legend>
        {body}
      </fieldset>
    );
  }

  return (
    <div className={layout}>
      <label htmlFor={id} className="text-lg font-semibold">
        {title}
      </label>
      {body}
    </div>
  );
}

function FieldLabelText({
  label,
  required,
}: {
  label: string;
  required: boolean;
}) {
  const text = useUiText();
  return (
    <>
      {label}
      {required ? (
        <span className="font-normal text-muted"> {text.required}</span>
      ) : null}
    </>
  );
}

function FieldError({
  id,
  message,
}: {
  id: string;
  message: string | null | undefined;
}) {
  const text = useUiText();
  return (
    <p
      id={id}
      aria-live="polite"
      className="text-base font-semibold text-danger"
    >
      {message ? (
        <>
          <span className="sr-only">{text.errorPrefix}</span>
          {message}
        </>
      ) : null}
    </p>
  );
}
