"use client";

import type { AddressAnswer } from "@intake/form-schema";

import { onGroupBlur } from "../lib/group-blur";
import { useUiText } from "../text/ui-text-context";
import { TextInput } from "./text-input";

/** Props of {@link AddressInput}. */
export interface AddressInputProps {
  /** Id of the first line's input. The other inputs derive theirs from it. */
  id: string;
  /** Field id, or `<group>.<index>.<field>` inside a group. */
  name: string;
  value: AddressAnswer | undefined;
  /** Receives the address, or undefined once every part is empty. */
  onChange: (value: AddressAnswer | undefined) => void;
  onBlur?: () => void;
  describedBy?: string;
  invalid?: boolean;
  required?: boolean;
}

type AddressPart = keyof AddressAnswer;

/**
 * Autofill tokens per part (HTML Living Standard, "Autofill"), so phones
 * offer the saved address.
 */
const PARTS: readonly {
  part: AddressPart;
  autoComplete: string;
  optional?: boolean;
  short?: boolean;
}[] = [
  { part: "line1", autoComplete: "address-line1" },
  { part: "line2", autoComplete: "address-line2", optional: true },
  { part: "city", autoComplete: "address-level2" },
  { part: "region", autoComplete: "address-level1", short: true },
  { part: "postalCode", autoComplete: "postal-code", short: true },
];

/**
 * Renders a postal address as five labelled inputs with autofill tokens.
 * Place it inside a {@link FieldShell} with `group`, whose legend names
 * the address.
 */
export function AddressInput({
  id,
  name,
  value,
  onChange,
  onBlur,
  describedBy,
  invalid = false,
  required = false,
}: AddressInputProps) {
  const text = useUiText().address;

  function change(part: AddressPart, next: string) {
    const merged: Record<string, string> = { ...value, [part]: next };
    if (merged.line2 === "") delete merged.line2;
    const empty = Object.values(merged).every((entry) => entry === "");
    onChange(
      empty
        ? undefined
        : {
            line1: merged.line1 ?? "",
            ...(merged.line2 === undefined ? {} : { line2: merged.line2 }),
            city: merged.city ?? "",
            region: merged.region ?? "",
            postalCode: merged.postalCode ?? "",
          },
    );
  }

  return (
    <div className="grid grid-cols-2 gap-3" onBlur={onGroupBlur(onBlur)}>
      {PARTS.map(({ part, autoComplete, optional, short }, index) => {
        const inputId = index === 0 ? id : `${id}-${part}`;
        return (
          <div
            key={part}
            className={
              short
                ? "col-span-1 flex flex-col gap-1"
                : "col-span-2 flex flex-col gap-1"
            }
          >
            <label htmlFor={inputId} className="font-semibold">
              {text[part]}
              {optional ? (
                <span className="font-normal text-muted"> {text.optional}</span>
              ) : null}
            </label>
            <TextInput
              id={inputId}
              name={`${name}.${part}`}
              autoComplete={autoComplete}
              value={value?.[part] ?? ""}
              onChange={(event) => change(part, event.target.value)}
              aria-describedby={describedBy}
              aria-invalid={(invalid && !optional) || undefined}
              aria-required={(required && !optional) || undefined}
            />
          </div>
        );
      })}
    </div>
  );
}
