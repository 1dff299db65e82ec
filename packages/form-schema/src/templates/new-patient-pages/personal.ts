// Pages about the patient: who they are, how to reach them, who pays.
import type { Page } from "../../definition/schema";

export const demographics: Page = {
  id: "demographics",
  title: "About you",
  fields: [
    {
      id: "firstName",
      type: "shortText",
      label: "First name",
      required: true,
      maxLength: 100,
    },
    {
      id: "lastName",
      type: "shortText",
      label: "Last name",
      required: true,
      maxLength: 100,
    },
    {
      id: "preferredName",
      type: "shortText",
      label: "Preferred name",
      help: "The name you would like us to call you, if different.",
      maxLength: 100,
    },
    {
      id: "dateOfBirth",
      type: "date",
      label: "Date of birth",
      required: true,
      minDate: "1900-01-01",
    },
    {
      id: "sexAssignedAtBirth",
      type: "singleChoice",
      label: "Sex assigned at birth",
      help: "Some tests and medication doses depend on it.",
      required: true,
      options: [
        { value: "female", label: "Female" },
        { value: "male", label: "Male" },
        { value: "intersex", label: "Intersex" },
        { value: "preferNotToSay", label: "Prefer not to say" },
      ],
    },
    {
      id: "genderIdentity",
      type: "shortText",
      label: "Gender identity",
      maxLength: 100,
    },
    {
      id: "pronouns",
      type: "singleChoice",
      label: "Pronouns",
      options: [
        { value: "she", label: "She/her" },
        { value: "he", label: "He/him" },
        { value: "they", label: "They/them" },
        { value: "other", label: "Other or more than one" },
      ],
    },
    {
      id: "preferredLanguage",
      type: "shortText",
      label: "Preferred language",
      help: "Tell us if you would like an interpreter.",
      maxLength: 100,
    },
  ],
};

export const contact: Page = {
  id: "contact",
  title: "Contact details",
  fields: [
    {
      id: "email",
      type: "email",
      label: "Email address",
      required: true,
      placeholder: "name@example.com",
    },
    {
      id: "mobilePhone",
      type: "phone",
      label: "Mobile phone",
      required: true,
    },
    {
      id: "preferredContactMethod",
      type: "singleChoice",
      label: "How should we contact you?",
      required: true,
      options: [
        { value: "phone", label: "Phone call" },
        { value: "text", label: "Text message" },
        { value: "email", label: "Email" },
      ],
    },
    {
      id: "streetAddress",
      type: "shortText",
      label: "Street address",
      required: true,
      maxLength: 200,
    },
    { id: "city", type: "shortText", label: "City", required: true },
    {
      id: "postalCode",
      type: "shortText",
      label: "ZIP or postal code",
      required: true,
      pattern: "[A-Za-z0-9][A-Za-z0-9 -]{1,8}[A-Za-z0-9]",
      patternMessage: "Enter 3 to 10 letters or digits, like 12345.",
    },
    {
      id: "emergencyContactHeading",
      type: "heading",
      label: "Emergency contact heading",
      text: "Emergency contact",
    },
    {
      id: "emergencyContactName",
      type: "shortText",
      label: "Emergency contact name",
      required: true,
      maxLength: 200,
    },
    {
      id: "emergencyContactRelationship",
      type: "shortText",
      label: "Relationship to you",
      maxLength: 100,
    },
    {
      id: "emergencyContactPhone",
      type: "phone",
      label: "Emergency contact phone",
      required: true,
    },
  ],
};

export const insurance: Page = {
  id: "insurance",
  title: "Insurance",
  fields: [
    {
      id: "hasInsurance",
      type: "yesNo",
      label: "Do you have health insurance?",
      required: true,
    },
    {
      id: "insuranceProvider",
      type: "shortText",
      label: "Insurance company",
      help: "Leave the insurance questions blank if you have no insurance.",
      maxLength: 200,
    },
    {
      id: "insuranceMemberId",
      type: "shortText",
      label: "Member ID",
      help: "Printed on the front of your insurance card.",
      pattern: "[A-Za-z0-9 -]{3,30}",
      patternMessage: "Enter the letters and digits from your card.",
    },
    {
      id: "insuranceGroupNumber",
      type: "shortText",
      label: "Group number",
      maxLength: 30,
    },
    {
      id: "policyHolderName",
      type: "shortText",
      label: "Policy holder's name",
      help: "Leave blank if the policy is in your name.",
      maxLength: 200,
    },
  ],
};
