import type { Page } from "../definition/schema";
import type { FormTemplate } from "./template";

const current: Page = {
  id: "currentHealth",
  title: "Your health today",
  fields: [
    {
      id: "reasonForVisit",
      type: "longText",
      label: "What brings you in today?",
      required: true,
      maxLength: 2000,
    },
    {
      id: "symptoms",
      type: "multipleChoice",
      label: "Which of these do you have now?",
      help: "Choose all that apply.",
      options: [
        { value: "pain", label: "Pain" },
        { value: "fever", label: "Fever" },
        { value: "cough", label: "Cough" },
        { value: "fatigue", label: "Tiredness" },
        { value: "dizziness", label: "Dizziness" },
        { value: "other", label: "Something else" },
      ],
    },
    {
      id: "painLevel",
      type: "number",
      label: "How bad is the pain, from 0 (none) to 10 (worst)?",
      integer: true,
      min: 0,
      max: 10,
      showIf: { field: "symptoms", op: "includes", value: "pain" },
      requireIf: { field: "symptoms", op: "includes", value: "pain" },
    },
    {
      id: "otherSymptoms",
      type: "shortText",
      label: "What else do you feel?",
      maxLength: 300,
      showIf: { field: "symptoms", op: "includes", value: "other" },
      requireIf: { field: "symptoms", op: "includes", value: "other" },
    },
    {
      id: "symptomsStarted",
      type: "date",
      label: "When did it start?",
      minDate: "1900-01-01",
      showIf: { field: "symptoms", op: "isNotEmpty" },
    },
  ],
};

const history: Page = {
  id: "pastHistory",
  title: "Past illnesses and surgeries",
  fields: [
    {
      id: "conditions",
      type: "multipleChoice",
      label: "Have you been diagnosed with any of these?",
      help: "Choose all that apply.",
      options: [
        { value: "asthma", label: "Asthma" },
        { value: "diabetes", label: "Diabetes" },
        { value: "highBloodPressure", label: "High blood pressure" },
        { value: "heartDisease", label: "Heart disease" },
        { value: "cancer", label: "Cancer" },
        { value: "other", label: "Another condition" },
      ],
    },
    {
      id: "otherConditions",
      type: "longText",
      label: "Which other conditions?",
      maxLength: 1000,
      showIf: { field: "conditions", op: "includes", value: "other" },
      requireIf: { field: "conditions", op: "includes", value: "other" },
    },
    { id: "hadSurgery", type: "yesNo", label: "Have you had surgery?" },
    {
      id: "surgeries",
      type: "group",
      label: "Surgeries",
      help: "Add one entry per surgery.",
      itemLabel: "Surgery",
      maxItems: 10,
      showIf: { field: "hadSurgery", op: "equals", value: true },
      requireIf: { field: "hadSurgery", op: "equals", value: true },
      fields: [
        {
          id: "procedure",
          type: "shortText",
          label: "Procedure",
          required: true,
          maxLength: 200,
        },
        {
          id: "surgeryYear",
          type: "number",
          label: "Year",
          integer: true,
          min: 1900,
          max: 2100,
        },
      ],
    },
  ],
};

const medicines: Page = {
  id: "medicines",
  title: "Medicines and allergies",
  fields: [
    {
      id: "takesMedications",
      type: "yesNo",
      label: "Do you take any medicines, vitamins or supplements?",
      required: true,
    },
    {
      id: "medications",
      type: "group",
      label: "Medicines",
      itemLabel: "Medicine",
      maxItems: 20,
      showIf: { field: "takesMedications", op: "equals", value: true },
      requireIf: { field: "takesMedications", op: "equals", value: true },
      fields: [
        {
          id: "medicationName",
          type: "shortText",
          label: "Name",
          required: true,
          maxLength: 200,
        },
        { id: "dose", type: "shortText", label: "Dose", maxLength: 100 },
        {
          id: "frequency",
          type: "shortText",
          label: "How often",
          placeholder: "Twice a day",
          maxLength: 100,
        },
      ],
    },
    {
      id: "hasAllergies",
      type: "yesNo",
      label: "Do you have any allergies?",
      required: true,
    },
    {
      id: "allergyDetails",
      type: "longText",
      label: "What are you allergic to, and what happens?",
      maxLength: 1000,
      showIf: { field: "hasAllergies", op: "equals", value: true },
      requireIf: { field: "hasAllergies", op: "equals", value: true },
    },
  ],
};

const lifestyle: Page = {
  id: "lifestyle",
  title: "Habits",
  fields: [
    {
      id: "sexAssignedAtBirth",
      type: "singleChoice",
      label: "Sex assigned at birth",
      help: "Some questions and doses depend on it.",
      options: [
        { value: "female", label: "Female" },
        { value: "male", label: "Male" },
        { value: "intersex", label: "Intersex" },
        { value: "preferNotToSay", label: "Prefer not to say" },
      ],
    },
    {
      id: "smokingStatus",
      type: "singleChoice",
      label: "Do you smoke or vape?",
      options: [
        { value: "never", label: "Never" },
        { value: "former", label: "I used to" },
        { value: "current", label: "Yes, currently" },
      ],
    },
    {
      id: "packsPerDay",
      type: "number",
      label: "Packs a day",
      min: 0,
      max: 10,
      showIf: { field: "smokingStatus", op: "equals", value: "current" },
    },
    {
      id: "alcoholDrinksPerWeek",
      type: "number",
      label: "Alcoholic drinks per week",
      integer: true,
      min: 0,
      max: 200,
    },
  ],
};

// Shown only to patients who may be pregnant, so others skip the page.
const pregnancy: Page = {
  id: "pregnancy",
  title: "Pregnancy",
  showIf: {
    any: [
      { field: "sexAssignedAtBirth", op: "equals", value: "female" },
      { field: "sexAssignedAtBirth", op: "equals", value: "intersex" },
    ],
  },
  fields: [
    {
      id: "mayBePregnant",
      type: "singleChoice",
      label: "Are you pregnant or could you be?",
      required: true,
      options: [
        { value: "yes", label: "Yes" },
        { value: "no", label: "No" },
        { value: "unsure", label: "Not sure" },
      ],
    },
    {
      id: "dueDate",
      type: "date",
      label: "Expected due date",
      showIf: { field: "mayBePregnant", op: "equals", value: "yes" },
    },
  ],
};

/**
 * A medical history update: current symptoms, past conditions and
 * surgeries, medicines, allergies and habits, with follow-up questions that
 * appear only when an answer calls for them.
 */
export const medicalHistoryTemplate: FormTemplate = {
  id: "medical-history",
  name: "Medical history",
  description:
    "Updates a patient's symptoms, conditions, surgeries, medicines, allergies and habits, asking follow-up questions only when needed.",
  definition: {
    title: "Medical history",
    description:
      "Please tell us about your health so we can prepare for your visit.",
    pages: [current, history, medicines, lifestyle, pregnancy],
  },
};
