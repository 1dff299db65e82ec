"use client";

import { useState } from "react";

import { TextInput, type TextInputProps } from "./text-input";

/** Props of {@link NumberInput}. */
export interface NumberInputProps extends Omit<
  TextInputProps,
  "value" | "onChange" | "type" | "inputMode"
> {
  /** A number, the raw text of an entry that is not a number yet, or none. */
  value: number | string | undefined;
  /**
   * Receives a number when the text parses as one, the raw text when it
   * does not (so validation can report it), and `undefined` when empty.
   */
  onChange: (value: number | string | undefined) => void;
  /** Shows the digits-only keypad on phones instead of the decimal one. */
  integer?: boolean;
}

/**
 * Renders a text input for numbers. It avoids `type="number"`, which drops
 * text it cannot parse and changes the value on mouse wheel scrolls. It
 * keeps the typed text, so entries such as "1." or "-" survive re-renders.
 */
export function NumberInput({
  value,
  onChange,
  integer = false,
  ...rest
}: NumberInputProps) {
  const [text, setText] = useState(() => formatNumber(value));
  const [shownValue, setShownValue] = useState(value);

  // Adopt a value set from outside, such as a restored draft.
  if (value !== shownValue) {
    setShownValue(value);
    if (parseNumber(text) !== value) setText(formatNumber(value));
  }

  return (
    <TextInput
      {...rest}
      type="text"
      inputMode={integer ? "numeric" : "decimal"}
      value={text}
      onChange={(event) => {
        const next = event.target.value;
        const parsed = parseNumber(next);
        setText(next);
        setShownValue(parsed);
        onChange(parsed);
      }}
    />
  );
}

function formatNumber(value: number | string | undefined): string {
  return value === undefined ? "" : String(value);
}

// Plain decimal notation only: `Number()` alone would also accept "0x1f",
// "1e3" and "Infinity", which a patient would not mean as numbers.
const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)$/;

function parseNumber(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  return DECIMAL.test(trimmed) ? Number(trimmed) : text;
}
