import type { InputHTMLAttributes, Ref } from "react";

import { cn } from "../lib/cn";
import { textControlClass } from "../lib/control-styles";
import { useAutocomplete } from "./autofill-context";

/** Props of {@link TextInput}: every native input attribute. */
export interface TextInputProps extends InputHTMLAttributes<HTMLInputElement> {
  ref?: Ref<HTMLInputElement>;
}

/**
 * Renders a single-line input with the shared control styles. Under an
 * `AutofillProvider` that forbids autofill, `autoComplete` becomes "off".
 */
export function TextInput({
  className,
  type = "text",
  autoComplete,
  ...rest
}: TextInputProps) {
  return (
    <input
      type={type}
      className={cn(textControlClass, className)}
      autoComplete={useAutocomplete(autoComplete)}
      {...rest}
    />
  );
}
