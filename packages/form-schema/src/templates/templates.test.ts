import { describe, expect, test } from "vitest";

import { validateAnswers } from "../answers/validate-answers";
import { inputFields } from "../definition/input-fields";
import { validateDefinition } from "../definition/validate-definition";
import { answersSchema } from "../answers/schema";
import { localizeDefinition } from "../i18n/localize";
import { pruneHiddenAnswers, visiblePages } from "../logic/visibility";
import {
  consentReleaseTemplate,
  getTemplate,
  medicalHistoryTemplate,
  newPatientTemplate,
  templates,
  vetNewClientTemplate,
} from ".";
import { newPatientSampleAnswers } from "./new-patient-sample";
import { templateSampleAnswers } from "./samples";
import type { FormTemplate } from "./template";

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

describe.each(templates.map((template) => ({ template })))(
  "template $template.id",
  ({ template }) => {
    test("passes validateDefinition", () => {
      expect(validateDefinition(template.definition)).toEqual([]);
    });

    test("accepts its sample answers", () => {
      const answers = templateSampleAnswers(template.id);
      expect(validateAnswers(template.definition, answers)).toEqual({});
    });

    test("samples survive pruning", () => {
      const answers = templateSampleAnswers(template.id);
      expect(pruneHiddenAnswers(template.definition, answers)).toEqual(answers);
    });

    test("samples fit answersSchema", () => {
      const answers = templateSampleAnswers(template.id);
      expect(answersSchema.safeParse(answers).success).toBe(true);
    });

    test("Spanish version is publishable", () => {
      const spanish = localizeDefinition(template.definition, "es");
      expect(validateDefinition(spanish)).toEqual([]);
    });
  },
);

describe("template features", () => {
  const types = (template: FormTemplate) =>
    template.definition.pages.flatMap((page) =>
      page.fields.flatMap((field) =>
        field.type === "group"
          ? [field.type, ...field.fields.map((item) => item.type)]
          : [field.type],
      ),
    );

  test("new-patient has Spanish text", () => {
    const spanish = localizeDefinition(newPatientTemplate.definition, "es");
    expect(spanish.title).toBe("Registro de paciente nuevo");
    expect(spanish.pages[0]?.fields[0]?.label).toBe("Nombre");
  });

  test("new-patient translates every field", () => {
    const translated = Object.keys(
      newPatientTemplate.definition.translations?.es?.fields ?? {},
    );
    const ids = newPatientTemplate.definition.pages.flatMap((page) =>
      page.fields.map((field) => field.id),
    );
    expect(translated.sort()).toEqual([...ids].sort());
  });

  test("consent-release has a signature", () => {
    expect(types(consentReleaseTemplate)).toContain("signature");
  });

  test("vet-new-client has pets and a card", () => {
    const pets = vetNewClientTemplate.definition.pages
      .flatMap((page) => page.fields)
      .find((field) => field.id === "pets");
    expect(pets?.type).toBe("group");
    expect(types(vetNewClientTemplate)).toContain("file");
  });

  test("medical-history hides the pregnancy page", () => {
    const answers = {
      ...templateSampleAnswers("medical-history"),
      sexAssignedAtBirth: "male",
    };
    const pages = visiblePages(medicalHistoryTemplate.definition, answers);
    expect(pages.map((page) => page.id)).not.toContain("pregnancy");
    const errors = validateAnswers(medicalHistoryTemplate.definition, answers);
    expect(errors.mayBePregnant).toBeUndefined();
  });

  test("vet-new-client other species needs detail", () => {
    const sample = templateSampleAnswers("vet-new-client");
    const answers = {
      ...sample,
      pets: [{ petName: "Rio", species: "other" }],
    };
    const errors = validateAnswers(vetNewClientTemplate.definition, answers);
    expect(Object.keys(errors)).toEqual(["pets.0.speciesOther"]);
  });

  test("unknown sample id throws", () => {
    expect(() => templateSampleAnswers("missing")).toThrow(/No template/);
  });
});
