import type { InputHTMLAttributes, Ref } from "react";

import { cn } from "../lib/cn";
import { textControlClass } from "../lib/control-styles";

/** Props of {@link TextInput}: every native input attribute. */
export interface TextInputProps extends InputHTMLAttributes<HTMLInputElement> {
  ref?: Ref<HTMLInputElement>;
}

/** Renders a single-line input with the shared control styles. */
export function TextInput({
  className,
  type = "text",
  ...rest
}: TextInputProps) {
  return (
    <input type={type} className={cn(textControlClass, className)} {...rest} />
  );
}
