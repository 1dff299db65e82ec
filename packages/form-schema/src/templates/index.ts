import { consentReleaseTemplate as consentRelease } from "./consent-release";
import { deepFreeze } from "./deep-freeze";
import { medicalHistoryTemplate as medicalHistory } from "./medical-history";
import { newPatientTemplate as newPatient } from "./new-patient";
import type { FormTemplate } from "./template";
import { vetNewClientTemplate as vetNewClient } from "./vet-new-client";

// Templates are frozen, so copy a definition (for example with
// `structuredClone`) before editing it.

/** The new patient registration template, with a Spanish translation. */
export const newPatientTemplate: FormTemplate = deepFreeze(newPatient);

/** A medical history update with follow-up questions and groups. */
export const medicalHistoryTemplate: FormTemplate = deepFreeze(medicalHistory);

/** Consent to treatment and records release, with a signature. */
export const consentReleaseTemplate: FormTemplate = deepFreeze(consentRelease);

/** A veterinary new client form with a repeating pets group. */
export const vetNewClientTemplate: FormTemplate = deepFreeze(vetNewClient);

/** Every template, in the order the form builder lists them. */
export const templates: FormTemplate[] = deepFreeze([
  newPatientTemplate,
  medicalHistoryTemplate,
  consentReleaseTemplate,
  vetNewClientTemplate,
]);

/** Returns the template with this id, or undefined when none has it. */
export function getTemplate(id: string): FormTemplate | undefined {
  return templates.find((template) => template.id === id);
}
