"use client";

import { useId, type ReactNode } from "react";

const inputClass =
  "min-h-12 rounded-lg border-2 border-border-subtle bg-canvas px-3 text-base";

/** Renders a labelled text setting. An empty text is passed as "". */
export function TextSetting({
  label,
  value,
  onChange,
  multiline = false,
  maxLength,
  help,
  error,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  multiline?: boolean;
  maxLength?: number;
  help?: string;
  error?: string | null;
}) {
  const id = useId();
  const describedBy = [help && `${id}-help`, error && `${id}-error`]
    .filter(Boolean)
    .join(" ");
  const shared = {
    id,
    value,
    maxLength,
    "aria-describedby": describedBy || undefined,
    "aria-invalid": error ? true : undefined,
    className: inputClass,
  };
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-semibold">
        {label}
      </label>
      {help && (
        <p id={`${id}-help`} className="text-muted text-sm">
          {help}
        </p>
      )}
      {multiline ? (
        <textarea
          {...shared}
          rows={3}
          onChange={(event) => onChange(event.target.value)}
        />
      ) : (
        <input {...shared} onChange={(event) => onChange(event.target.value)} />
      )}
      {error && (
        <p id={`${id}-error`} className="text-danger text-sm">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * Renders a labelled number setting. Clearing it passes `undefined`, and
 * text that is not a finite number is ignored.
 */
export function NumberSetting({
  label,
  value,
  onChange,
  integer = false,
  min,
  help,
}: {
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  integer?: boolean;
  min?: number;
  help?: string;
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-semibold">
        {label}
      </label>
      {help && (
        <p id={`${id}-help`} className="text-muted text-sm">
          {help}
        </p>
      )}
      <input
        id={id}
        type="number"
        inputMode={integer ? "numeric" : "decimal"}
        step={integer ? 1 : "any"}
        min={min}
        value={value ?? ""}
        aria-describedby={help ? `${id}-help` : undefined}
        onChange={(event) => {
          const text = event.target.value;
          if (text === "") return onChange(undefined);
          const number = Number(text);
          if (!Number.isFinite(number)) return;
          onChange(integer ? Math.trunc(number) : number);
        }}
        className={inputClass}
      />
    </div>
  );
}

/** Renders a labelled date setting as YYYY-MM-DD, or `undefined` when cleared. */
export function DateSetting({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-semibold">
        {label}
      </label>
      <input
        id={id}
        type="date"
        value={value ?? ""}
        onChange={(event) => onChange(event.target.value || undefined)}
        className={inputClass}
      />
    </div>
  );
}

/** Renders a labelled checkbox setting. */
export function CheckboxSetting({
  label,
  checked,
  onChange,
}: {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const id = useId();
  return (
    <div className="flex min-h-12 items-center gap-3">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        className="size-6"
      />
      <label htmlFor={id} className="font-semibold">
        {label}
      </label>
    </div>
  );
}

/** Removes keys whose value is undefined, as strict zod schemas expect. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, entry]) => entry !== undefined),
  ) as T;
}
