import { describe, expect, test } from "vitest";

import { validateAnswers } from "../answers/validate-answers";
import { inputFields } from "../definition/input-fields";
import { validateDefinition } from "../definition/validate-definition";
import { getTemplate, newPatientTemplate, templates } from ".";
import { newPatientSampleAnswers } from "./new-patient-sample";

const definition = newPatientTemplate.definition;

describe("newPatientTemplate", () => {
  test("passes validateDefinition", () => {
    expect(validateDefinition(definition)).toEqual([]);
  });

  test("has at least 25 input fields", () => {
    expect(inputFields(definition).length).toBeGreaterThanOrEqual(25);
  });

  test("covers the intake topics", () => {
    expect(definition.pages.map((page) => page.id)).toEqual([
      "demographics",
      "contact",
      "insurance",
      "medicalHistory",
      "medications",
      "allergies",
      "consent",
    ]);
  });

  test("requires consent checkboxes", () => {
    const consents = inputFields(definition).filter(
      (field) => field.type === "consent" && field.required === true,
    );
    expect(consents.length).toBeGreaterThanOrEqual(1);
  });

  test("accepts the sample answers", () => {
    expect(validateAnswers(definition, newPatientSampleAnswers)).toEqual({});
  });

  test("sample answers only known fields", () => {
    const ids = new Set(inputFields(definition).map((field) => field.id));
    const unknown = Object.keys(newPatientSampleAnswers).filter(
      (key) => !ids.has(key),
    );
    expect(unknown).toEqual([]);
  });

  test("empty answers fail each required field", () => {
    const required = inputFields(definition)
      .filter((field) => field.required === true)
      .map((field) => field.id);
    expect(Object.keys(validateAnswers(definition, {}))).toEqual(required);
  });

  test("is frozen", () => {
    expect(Object.isFrozen(definition.pages[0]?.fields[0])).toBe(true);
  });
});

describe("getTemplate", () => {
  test.each(templates.map((template) => ({ id: template.id })))(
    "finds $id",
    ({ id }) => {
      expect(getTemplate(id)?.id).toBe(id);
    },
  );

  test("finds new-patient", () => {
    expect(getTemplate("new-patient")).toBe(newPatientTemplate);
  });

  test("unknown id is undefined", () => {
    expect(getTemplate("missing")).toBeUndefined();
  });
});
