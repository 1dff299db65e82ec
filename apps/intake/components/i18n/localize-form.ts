import type { FormDefinition } from "@intake/form-schema";

import type { Locale } from "./locale";

/**
 * Returns the definition with the form's text in `locale`.
 * TODO: call `localizeDefinition` from @intake/form-schema once it ships
 * the form translations. Until then every form shows its own text.
 */
export function localizeForm(
  definition: FormDefinition,
  _locale: Locale,
): FormDefinition {
  return definition;
}
