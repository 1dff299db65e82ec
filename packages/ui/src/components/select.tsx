"use client";

import type { Ref, SelectHTMLAttributes } from "react";

import { cn } from "../lib/cn";
import { textControlClass } from "../lib/control-styles";
import { useUiText } from "../text/ui-text-context";
import type { ChoiceOption } from "./choice-option";

/** Props of {@link Select}. */
export interface SelectProps extends Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  "value" | "onChange" | "multiple"
> {
  options: readonly ChoiceOption[];
  /** Selected value, or `undefined` while the placeholder is shown. */
  value: string | undefined;
  onChange: (value: string) => void;
  /** Text of the empty first entry. */
  placeholder?: string;
  ref?: Ref<HTMLSelectElement>;
}

/**
 * Renders a native select, which phones show as their own picker. Use it
 * for single-choice questions with too many options for radio buttons.
 */
export function Select({
  options,
  value,
  onChange,
  placeholder,
  className,
  ...rest
}: SelectProps) {
  const text = useUiText();
  return (
    <select
      value={value ?? ""}
      onChange={(event) => onChange(event.target.value)}
      className={cn(textControlClass, "appearance-auto", className)}
      {...rest}
    >
      <option value="">{placeholder ?? text.chooseOption}</option>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
