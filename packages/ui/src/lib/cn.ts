import { clsx, type ClassValue } from "clsx";

/**
 * Joins class names, skipping false, null and undefined. It does not
 * resolve conflicting Tailwind utilities: a component offers props such as
 * a size or a tone for what callers may change, and a caller's `className`
 * only adds utilities the component does not set.
 */
export function cn(...inputs: ClassValue[]): string {
  return clsx(inputs);
}
