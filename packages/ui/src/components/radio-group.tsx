"use client";

import { cn } from "../lib/cn";
import { optionClass, optionInputClass } from "../lib/control-styles";
import { onGroupBlur } from "../lib/group-blur";
import { optionId, type ChoiceOption } from "./choice-option";

/** Props of {@link RadioGroup}. */
export interface RadioGroupProps {
  /** Id of the first radio; the others derive theirs from it. */
  id: string;
  name: string;
  options: readonly ChoiceOption[];
  /** Selected value, or `undefined` when nothing is selected. */
  value: string | undefined;
  onChange: (value: string) => void;
  /** Runs when focus leaves the group. */
  onBlur?: () => void;
  invalid?: boolean;
  required?: boolean;
  /** Lays the options out side by side, for two or three short options. */
  inline?: boolean;
  className?: string;
}

/**
 * Renders native radio buttons as large tappable boxes. Place it inside a
 * {@link FieldShell} with `group`, which supplies the legend.
 */
export function RadioGroup({
  id,
  name,
  options,
  value,
  onChange,
  onBlur,
  invalid = false,
  required = false,
  inline = false,
  className,
}: RadioGroupProps) {
  return (
    <div
      className={cn(
        "flex gap-2",
        inline ? "flex-row flex-wrap *:flex-1" : "flex-col",
        className,
      )}
      onBlur={onGroupBlur(onBlur)}
    >
      {options.map((option, index) => (
        <label key={option.value} className={optionClass}>
          <input
            type="radio"
            id={optionId(id, index)}
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
            required={required}
            aria-invalid={invalid || undefined}
            className={optionInputClass}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </div>
  );
}
