import type { Answers } from "../answers/schema";
import { deepFreeze } from "./deep-freeze";

/**
 * A complete, valid set of answers to `newPatientTemplate`, for demo data
 * and tests. The patient is fictional.
 */
export const newPatientSampleAnswers: Answers = deepFreeze({
  firstName: "Maria",
  lastName: "Lopez",
  dateOfBirth: "1985-04-23",
  sexAssignedAtBirth: "female",
  pronouns: "she",
  preferredLanguage: "English",
  email: "maria.lopez@example.com",
  mobilePhone: "(555) 201-4477",
  preferredContactMethod: "text",
  streetAddress: "12 Elm Street",
  city: "Springfield",
  postalCode: "62704",
  emergencyContactName: "Daniel Lopez",
  emergencyContactRelationship: "Husband",
  emergencyContactPhone: "555 201 9921",
  hasInsurance: true,
  insuranceProvider: "Acme Health",
  insuranceMemberId: "AH-448812",
  reasonForVisit: "Annual check-up and a cough that has lasted two weeks.",
  conditions: ["asthma"],
  familyHistory: ["diabetes", "heartDisease"],
  smokingStatus: "never",
  alcoholDrinksPerWeek: 2,
  mayBePregnant: "no",
  takesMedications: true,
  medicationList: "Albuterol inhaler, 2 puffs as needed",
  hasAllergies: true,
  allergyTypes: ["medicines"],
  allergyDetails: "Penicillin: hives",
  consentToTreatment: true,
  acknowledgePrivacyNotice: true,
  consentToReminders: false,
});
