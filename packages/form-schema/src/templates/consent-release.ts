import type { FormTemplate } from "./template";

/**
 * Consent to treatment and release of records, signed on the phone. A
 * parent or guardian can sign for the patient.
 */
export const consentReleaseTemplate: FormTemplate = {
  id: "consent-release",
  name: "Consent and records release",
  description:
    "Collects consent to treatment and permission to share records with another provider, with a drawn signature.",
  definition: {
    title: "Consent and records release",
    pages: [
      {
        id: "patient",
        title: "Patient",
        fields: [
          {
            id: "patientName",
            type: "shortText",
            label: "Patient's full name",
            required: true,
            maxLength: 200,
          },
          {
            id: "dateOfBirth",
            type: "date",
            label: "Patient's date of birth",
            required: true,
            minDate: "1900-01-01",
          },
          {
            id: "signerIsPatient",
            type: "yesNo",
            label: "Are you the patient?",
            required: true,
          },
          {
            id: "signerName",
            type: "shortText",
            label: "Your full name",
            maxLength: 200,
            showIf: { field: "signerIsPatient", op: "equals", value: false },
            requireIf: { field: "signerIsPatient", op: "equals", value: false },
          },
          {
            id: "signerRelationship",
            type: "singleChoice",
            label: "Your relationship to the patient",
            options: [
              { value: "parent", label: "Parent" },
              { value: "guardian", label: "Legal guardian" },
              { value: "powerOfAttorney", label: "Power of attorney" },
            ],
            showIf: { field: "signerIsPatient", op: "equals", value: false },
            requireIf: { field: "signerIsPatient", op: "equals", value: false },
          },
        ],
      },
      {
        id: "release",
        title: "Records release",
        fields: [
          {
            id: "releaseRecords",
            type: "yesNo",
            label: "Should we send your records to another provider?",
            required: true,
          },
          {
            id: "recipientName",
            type: "shortText",
            label: "Provider or clinic name",
            maxLength: 200,
            showIf: { field: "releaseRecords", op: "equals", value: true },
            requireIf: { field: "releaseRecords", op: "equals", value: true },
          },
          {
            id: "recipientAddress",
            type: "address",
            label: "Provider's address",
            showIf: { field: "releaseRecords", op: "equals", value: true },
            requireIf: { field: "releaseRecords", op: "equals", value: true },
          },
          {
            id: "recordTypes",
            type: "multipleChoice",
            label: "Which records?",
            minSelected: 1,
            options: [
              { value: "all", label: "My whole record" },
              { value: "labResults", label: "Lab results" },
              { value: "imaging", label: "X-rays and scans" },
              { value: "visitNotes", label: "Visit notes" },
              { value: "immunizations", label: "Vaccinations" },
            ],
            showIf: { field: "releaseRecords", op: "equals", value: true },
            requireIf: { field: "releaseRecords", op: "equals", value: true },
          },
        ],
      },
      {
        id: "sign",
        title: "Sign",
        fields: [
          {
            id: "consentToTreatment",
            type: "consent",
            label: "I agree to be examined and treated",
            required: true,
            statement:
              "I consent to examination and treatment by the clinic's providers. I can ask questions and refuse any test or treatment at any time.",
          },
          {
            id: "signature",
            type: "signature",
            label: "Signature",
            required: true,
            statement:
              "By signing, I confirm that the information on this form is correct and that I may sign it.",
          },
          {
            id: "signedOn",
            type: "date",
            label: "Today's date",
            required: true,
          },
        ],
      },
    ],
  },
};
