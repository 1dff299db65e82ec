import type { Ref, TextareaHTMLAttributes } from "react";

import { cn } from "../lib/cn";
import { textControlClass } from "../lib/control-styles";
import { useAutocomplete } from "./autofill-context";

/** Props of {@link TextArea}: every native textarea attribute. */
export interface TextAreaProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  ref?: Ref<HTMLTextAreaElement>;
}

/**
 * Renders a multi-line input, five rows tall unless `rows` is set. Under
 * an `AutofillProvider` that forbids autofill, `autoComplete` becomes "off".
 */
export function TextArea({
  className,
  rows = 5,
  autoComplete,
  ...rest
}: TextAreaProps) {
  return (
    <textarea
      rows={rows}
      className={cn(textControlClass, "resize-y", className)}
      autoComplete={useAutocomplete(autoComplete)}
      {...rest}
    />
  );
}
