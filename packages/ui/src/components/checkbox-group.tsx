"use client";

import { cn } from "../lib/cn";
import { onGroupBlur } from "../lib/group-blur";
import { Checkbox } from "./checkbox";
import { optionId, type ChoiceOption } from "./choice-option";

/** Props of {@link CheckboxGroup}. */
export interface CheckboxGroupProps {
  /** Id of the first checkbox; the others derive theirs from it. */
  id: string;
  name: string;
  options: readonly ChoiceOption[];
  /** Selected values, in option order. */
  value: readonly string[];
  onChange: (value: string[]) => void;
  /** Runs when focus leaves the group. */
  onBlur?: () => void;
  invalid?: boolean;
  className?: string;
}

/**
 * Renders a list of checkboxes for a multiple-choice question. Place it
 * inside a {@link FieldShell} with `group`, which supplies the legend.
 */
export function CheckboxGroup({
  id,
  name,
  options,
  value,
  onChange,
  onBlur,
  invalid = false,
  className,
}: CheckboxGroupProps) {
  function toggle(optionValue: string, checked: boolean) {
    const selected = new Set(value);
    if (checked) selected.add(optionValue);
    else selected.delete(optionValue);

    // Keep the stored order stable, whatever order the patient clicks in.
    onChange(options.map((o) => o.value).filter((v) => selected.has(v)));
  }

  return (
    <div
      className={cn("flex flex-col gap-2", className)}
      onBlur={onGroupBlur(onBlur)}
    >
      {options.map((option, index) => (
        <Checkbox
          key={option.value}
          id={optionId(id, index)}
          name={name}
          value={option.value}
          checked={value.includes(option.value)}
          onChange={(event) => toggle(option.value, event.target.checked)}
          aria-invalid={invalid || undefined}
        >
          {option.label}
        </Checkbox>
      ))}
    </div>
  );
}
