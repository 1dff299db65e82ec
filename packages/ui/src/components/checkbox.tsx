import type { InputHTMLAttributes, ReactNode, Ref } from "react";

import { cn } from "../lib/cn";
import { optionClass, optionInputClass } from "../lib/control-styles";

/** Props of {@link Checkbox}. */
export interface CheckboxProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "type" | "children"
> {
  /** Text next to the box. Clicking the text toggles the box. */
  children: ReactNode;
  ref?: Ref<HTMLInputElement>;
}

/** Renders one native checkbox inside a large tappable box. */
export function Checkbox({ children, className, ...rest }: CheckboxProps) {
  return (
    <label className={cn(optionClass, className)}>
      <input type="checkbox" className={optionInputClass} {...rest} />
      <span>{children}</span>
    </label>
  );
}
