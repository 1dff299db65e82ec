"use client";

import { useUiText } from "../text/ui-text-context";
import { RadioGroup } from "./radio-group";

/** Props of {@link YesNo}. */
export interface YesNoProps {
  /** Id of the "Yes" radio; the "No" radio derives its id from it. */
  id: string;
  name: string;
  /** `true` for yes, `false` for no, `undefined` before the first answer. */
  value: boolean | undefined;
  onChange: (value: boolean) => void;
  onBlur?: () => void;
  invalid?: boolean;
  required?: boolean;
}

/** Renders a yes or no question as two side-by-side radio boxes. */
export function YesNo({ value, onChange, ...rest }: YesNoProps) {
  const text = useUiText();
  const yesNoOptions = [
    { value: "yes", label: text.yes },
    { value: "no", label: text.no },
  ];
  let selected: string | undefined;
  if (value === true) selected = "yes";
  if (value === false) selected = "no";

  return (
    <RadioGroup
      {...rest}
      inline
      options={yesNoOptions}
      value={selected}
      onChange={(next) => onChange(next === "yes")}
    />
  );
}
