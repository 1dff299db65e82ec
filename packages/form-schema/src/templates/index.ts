import { deepFreeze } from "./deep-freeze";
import { newPatientTemplate as newPatient } from "./new-patient";
import type { FormTemplate } from "./template";

/**
 * The new patient registration template. Frozen, so copy the definition
 * (for example with `structuredClone`) before editing it.
 */
export const newPatientTemplate: FormTemplate = deepFreeze(newPatient);

/** Every template, in the order the form builder lists them. */
export const templates: FormTemplate[] = deepFreeze([newPatientTemplate]);

/** Returns the template with this id, or undefined when none has it. */
export function getTemplate(id: string): FormTemplate | undefined {
  return templates.find((template) => template.id === id);
}
