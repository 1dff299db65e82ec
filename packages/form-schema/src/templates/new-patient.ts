import { newPatientSpanish } from "./new-patient-es";
import type { FormTemplate } from "./template";
import {
  allergies,
  consent,
  medicalHistory,
  medications,
} from "./new-patient-pages/health";
import { contact, demographics, insurance } from "./new-patient-pages/personal";

/**
 * New patient registration: demographics, contact details, insurance,
 * medical history, medications, allergies and consent checkboxes (no
 * signature).
 */
export const newPatientTemplate: FormTemplate = {
  id: "new-patient",
  name: "New patient registration",
  description:
    "Collects a new patient's details, insurance, medical history, medications, allergies and consent before the first visit.",
  definition: {
    title: "New patient registration",
    description:
      "Please fill in this form before your first visit. It takes about 10 minutes.",
    pages: [
      demographics,
      contact,
      insurance,
      medicalHistory,
      medications,
      allergies,
      consent,
    ],
    translations: { es: newPatientSpanish },
  },
};
