import type { Answers } from "../answers/schema";
import { deepFreeze } from "./deep-freeze";
import { newPatientSampleAnswers } from "./new-patient-sample";

// Two short strokes drawn on a 300 by 100 pixel pad.
const SAMPLE_SIGNATURE = {
  width: 300,
  height: 100,
  strokes: [
    [10, 60, 40.5, 20, 70, 70.2, 100, 30],
    [120, 50, 180, 50.5],
  ],
};

/** Valid answers to `medicalHistoryTemplate`. The patient is fictional. */
export const medicalHistorySampleAnswers: Answers = deepFreeze({
  reasonForVisit: "Knee pain after running.",
  symptoms: ["pain"],
  painLevel: 6,
  symptomsStarted: "2026-10-01",
  conditions: ["asthma"],
  hadSurgery: true,
  surgeries: [{ procedure: "Appendectomy", surgeryYear: 2009 }],
  takesMedications: true,
  medications: [
    { medicationName: "Albuterol", dose: "90 mcg", frequency: "As needed" },
  ],
  hasAllergies: false,
  sexAssignedAtBirth: "female",
  smokingStatus: "never",
  alcoholDrinksPerWeek: 2,
  mayBePregnant: "no",
});

/** Valid answers to `consentReleaseTemplate`. The people are fictional. */
export const consentReleaseSampleAnswers: Answers = deepFreeze({
  patientName: "Leo Lopez",
  dateOfBirth: "2015-06-02",
  signerIsPatient: false,
  signerName: "Maria Lopez",
  signerRelationship: "parent",
  releaseRecords: true,
  recipientName: "Springfield Pediatrics",
  recipientAddress: {
    line1: "400 Oak Avenue",
    line2: "Suite 2",
    city: "Springfield",
    region: "IL",
    postalCode: "62704",
  },
  recordTypes: ["immunizations", "visitNotes"],
  consentToTreatment: true,
  signature: SAMPLE_SIGNATURE,
  signedOn: "2026-11-20",
});

/**
 * Valid answers to `vetNewClientTemplate`, without the insurance card
 * upload, which needs a stored file. The owner and pets are fictional.
 */
export const vetNewClientSampleAnswers: Answers = deepFreeze<Answers>({
  ownerName: "Sam Carter",
  email: "sam.carter@example.com",
  mobilePhone: "555 301 2299",
  homeAddress: {
    line1: "8 Birch Road",
    city: "Springfield",
    region: "IL",
    postalCode: "62701",
  },
  pets: [
    {
      petName: "Biscuit",
      species: "dog",
      breed: "Beagle",
      ageYears: 4,
      petSex: "male",
      neutered: true,
      vaccinationsCurrent: true,
    },
    {
      petName: "Pico",
      species: "other",
      speciesOther: "Ferret",
      ageYears: 1.5,
      petSex: "female",
      medicalNotes: "Sneezes in spring.",
    },
  ],
  hasPetInsurance: true,
  insuranceProvider: "Paws Mutual",
  consentToTreatment: true,
  signature: SAMPLE_SIGNATURE,
});

const SAMPLES: Record<string, Answers> = {
  "new-patient": newPatientSampleAnswers,
  "medical-history": medicalHistorySampleAnswers,
  "consent-release": consentReleaseSampleAnswers,
  "vet-new-client": vetNewClientSampleAnswers,
};

/**
 * Returns a frozen, valid set of answers to the template with this id, for
 * demo data and tests. File answers are left out because they need a stored
 * upload. Throws for an id no template has.
 */
export function templateSampleAnswers(id: string): Answers {
  const answers = Object.hasOwn(SAMPLES, id) ? SAMPLES[id] : undefined;
  if (answers === undefined) {
    throw new Error(
      `No template has the id "${id}". Use one of: ${Object.keys(SAMPLES).join(", ")}.`,
    );
  }
  return answers;
}
