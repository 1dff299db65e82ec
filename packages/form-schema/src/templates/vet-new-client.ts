import type { FormTemplate } from "./template";

/**
 * A veterinary clinic's new client form: the owner, one entry per pet, pet
 * insurance with a photo of the card, and a signed consent.
 */
export const vetNewClientTemplate: FormTemplate = {
  id: "vet-new-client",
  name: "New veterinary client",
  description:
    "Registers a pet owner and each of their pets, with pet insurance, a photo of the insurance card and a signed consent.",
  definition: {
    title: "New client registration",
    description: "Tell us about you and your pets before the first visit.",
    pages: [
      {
        id: "owner",
        title: "About you",
        fields: [
          {
            id: "ownerName",
            type: "shortText",
            label: "Your full name",
            required: true,
            maxLength: 200,
          },
          {
            id: "email",
            type: "email",
            label: "Email address",
            required: true,
          },
          {
            id: "mobilePhone",
            type: "phone",
            label: "Mobile phone",
            required: true,
          },
          {
            id: "homeAddress",
            type: "address",
            label: "Home address",
            required: true,
          },
        ],
      },
      {
        id: "pets",
        title: "Your pets",
        fields: [
          {
            id: "pets",
            type: "group",
            label: "Pets",
            help: "Add one entry for each pet we will see.",
            itemLabel: "Pet",
            required: true,
            maxItems: 10,
            fields: [
              {
                id: "petName",
                type: "shortText",
                label: "Name",
                required: true,
                maxLength: 100,
              },
              {
                id: "species",
                type: "singleChoice",
                label: "Species",
                required: true,
                options: [
                  { value: "dog", label: "Dog" },
                  { value: "cat", label: "Cat" },
                  { value: "rabbit", label: "Rabbit" },
                  { value: "bird", label: "Bird" },
                  { value: "reptile", label: "Reptile" },
                  { value: "other", label: "Other" },
                ],
              },
              {
                id: "speciesOther",
                type: "shortText",
                label: "Which animal?",
                maxLength: 100,
                showIf: { field: "species", op: "equals", value: "other" },
                requireIf: { field: "species", op: "equals", value: "other" },
              },
              {
                id: "breed",
                type: "shortText",
                label: "Breed",
                maxLength: 100,
              },
              {
                id: "ageYears",
                type: "number",
                label: "Age in years",
                min: 0,
                max: 100,
              },
              {
                id: "petSex",
                type: "singleChoice",
                label: "Sex",
                options: [
                  { value: "female", label: "Female" },
                  { value: "male", label: "Male" },
                  { value: "unknown", label: "Not sure" },
                ],
              },
              { id: "neutered", type: "yesNo", label: "Spayed or neutered?" },
              {
                id: "vaccinationsCurrent",
                type: "yesNo",
                label: "Are vaccinations up to date?",
              },
              {
                id: "medicalNotes",
                type: "longText",
                label: "Health problems, medicines or allergies",
                maxLength: 1000,
              },
            ],
          },
        ],
      },
      {
        id: "insurance",
        title: "Pet insurance",
        fields: [
          {
            id: "hasPetInsurance",
            type: "yesNo",
            label: "Do your pets have insurance?",
            required: true,
          },
          {
            id: "insuranceProvider",
            type: "shortText",
            label: "Insurance company",
            maxLength: 200,
            showIf: { field: "hasPetInsurance", op: "equals", value: true },
            requireIf: { field: "hasPetInsurance", op: "equals", value: true },
          },
          {
            id: "insuranceCard",
            type: "file",
            label: "Photo of the insurance card",
            help: "Take a photo of the front of the card, or upload a PDF.",
            accept: [
              "image/jpeg",
              "image/png",
              "image/heic",
              "application/pdf",
            ],
            capture: true,
            showIf: { field: "hasPetInsurance", op: "equals", value: true },
          },
        ],
      },
      {
        id: "consent",
        title: "Consent",
        fields: [
          {
            id: "consentToTreatment",
            type: "consent",
            label: "I agree to examination and treatment of my pets",
            required: true,
            statement:
              "I am the owner or agent of the pets listed and consent to their examination and treatment. I am responsible for the fees.",
          },
          {
            id: "signature",
            type: "signature",
            label: "Signature",
            required: true,
          },
        ],
      },
    ],
  },
};
