// Pages about the patient's health and the consent they give.
import type { Page } from "../../definition/schema";

const YES_NO_UNSURE = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
  { value: "unsure", label: "Not sure" },
];

export const medicalHistory: Page = {
  id: "medicalHistory",
  title: "Medical history",
  fields: [
    {
      id: "reasonForVisit",
      type: "longText",
      label: "What brings you in today?",
      required: true,
      maxLength: 2000,
    },
    {
      id: "conditions",
      type: "multipleChoice",
      label: "Have you ever been told you have any of these conditions?",
      help: "Choose all that apply.",
      options: [
        { value: "asthma", label: "Asthma" },
        { value: "diabetes", label: "Diabetes" },
        { value: "highBloodPressure", label: "High blood pressure" },
        { value: "heartDisease", label: "Heart disease" },
        { value: "stroke", label: "Stroke" },
        { value: "copd", label: "COPD or emphysema" },
        { value: "cancer", label: "Cancer" },
        { value: "thyroid", label: "Thyroid disease" },
        { value: "kidneyDisease", label: "Kidney disease" },
        { value: "depressionAnxiety", label: "Depression or anxiety" },
      ],
    },
    {
      id: "otherConditions",
      type: "longText",
      label: "Other conditions",
      maxLength: 2000,
    },
    {
      id: "surgeries",
      type: "longText",
      label: "Past surgeries or hospital stays",
      help: "Include the year, if you know it.",
      maxLength: 2000,
    },
    {
      id: "familyHistory",
      type: "multipleChoice",
      label: "Has a parent, brother or sister had any of these?",
      options: [
        { value: "heartDisease", label: "Heart disease" },
        { value: "diabetes", label: "Diabetes" },
        { value: "cancer", label: "Cancer" },
        { value: "stroke", label: "Stroke" },
        { value: "mentalIllness", label: "Mental illness" },
      ],
    },
    {
      id: "smokingStatus",
      type: "singleChoice",
      label: "Do you smoke or vape?",
      required: true,
      options: [
        { value: "never", label: "Never" },
        { value: "former", label: "I used to" },
        { value: "current", label: "Yes, currently" },
      ],
    },
    {
      id: "alcoholDrinksPerWeek",
      type: "number",
      label: "Alcoholic drinks per week",
      help: "Enter 0 if you do not drink.",
      min: 0,
      max: 200,
      integer: true,
    },
    {
      id: "mayBePregnant",
      type: "singleChoice",
      label: "Are you pregnant or could you be?",
      options: YES_NO_UNSURE,
    },
  ],
};

export const medications: Page = {
  id: "medications",
  title: "Medications",
  fields: [
    {
      id: "takesMedications",
      type: "yesNo",
      label: "Do you take any medicines, vitamins or supplements?",
      required: true,
    },
    {
      id: "medicationList",
      type: "longText",
      label: "List each one with its dose and how often you take it",
      placeholder: "Metformin 500 mg, twice a day",
      maxLength: 3000,
    },
    {
      id: "pharmacyName",
      type: "shortText",
      label: "Preferred pharmacy",
      maxLength: 200,
    },
    { id: "pharmacyPhone", type: "phone", label: "Pharmacy phone" },
  ],
};

export const allergies: Page = {
  id: "allergies",
  title: "Allergies",
  fields: [
    {
      id: "hasAllergies",
      type: "yesNo",
      label: "Do you have any allergies?",
      required: true,
    },
    {
      id: "allergyTypes",
      type: "multipleChoice",
      label: "What are you allergic to?",
      help: "Choose all that apply.",
      options: [
        { value: "medicines", label: "Medicines" },
        { value: "foods", label: "Foods" },
        { value: "latex", label: "Latex" },
        { value: "insectStings", label: "Insect stings" },
        { value: "seasonal", label: "Pollen or seasonal" },
      ],
    },
    {
      id: "allergyDetails",
      type: "longText",
      label: "What happens when you react?",
      help: "Name each allergy and the reaction, like: penicillin, hives.",
      maxLength: 2000,
    },
  ],
};

export const consent: Page = {
  id: "consent",
  title: "Consent",
  fields: [
    {
      id: "consentIntro",
      type: "paragraph",
      label: "Consent introduction",
      text: "Please read each statement and select the box to agree. Ask the front desk if you have any questions.",
    },
    {
      id: "consentToTreatment",
      type: "consent",
      label: "I agree to be examined and treated",
      statement:
        "I consent to examination and treatment by the clinic's providers. I can ask questions and refuse any test or treatment at any time.",
      required: true,
    },
    {
      id: "acknowledgePrivacyNotice",
      type: "consent",
      label: "I have received the privacy notice",
      statement:
        "I have been offered the clinic's notice of privacy practices, which explains how my health information is used and shared.",
      required: true,
    },
    {
      id: "consentToReminders",
      type: "consent",
      label: "Send me appointment reminders by text or email",
      help: "Optional. You can stop reminders at any time.",
    },
  ],
};
