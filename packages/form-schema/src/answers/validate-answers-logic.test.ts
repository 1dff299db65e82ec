import { describe, expect, test } from "vitest";

import type { FormDefinition } from "../definition/schema";
import { answersSchema } from "./schema";
import { validateAnswers } from "./validate-answers";

const definition: FormDefinition = {
  title: "Vet visit",
  pages: [
    {
      id: "owner",
      title: "Owner",
      fields: [
        { id: "ownerName", type: "shortText", label: "Name", required: true },
        { id: "hasInsurance", type: "yesNo", label: "Insured?" },
        {
          id: "insuranceCard",
          type: "file",
          label: "Insurance card",
          accept: ["image/jpeg", "application/pdf"],
          requireIf: { field: "hasInsurance", op: "equals", value: true },
        },
        { id: "hasNotes", type: "yesNo", label: "Notes?" },
      ],
    },
    {
      id: "notesPage",
      title: "Notes",
      showIf: { field: "hasNotes", op: "equals", value: true },
      fields: [
        { id: "notes", type: "longText", label: "Notes", required: true },
      ],
    },
    {
      id: "petsPage",
      title: "Pets",
      fields: [
        {
          id: "pets",
          type: "group",
          label: "Pets",
          itemLabel: "Pet",
          required: true,
          maxItems: 3,
          fields: [
            { id: "petName", type: "shortText", label: "Name", required: true },
            {
              id: "species",
              type: "singleChoice",
              label: "Species",
              required: true,
              options: [
                { value: "dog", label: "Dog" },
                { value: "other", label: "Other" },
              ],
            },
            {
              id: "speciesOther",
              type: "shortText",
              label: "Which species?",
              showIf: { field: "species", op: "equals", value: "other" },
              required: true,
            },
            {
              id: "petCard",
              type: "file",
              label: "Pet insurance card",
              requireIf: { field: "hasInsurance", op: "equals", value: true },
            },
          ],
        },
      ],
    },
  ],
};

const card = {
  storageId: "kg2abc",
  name: "card.pdf",
  contentType: "application/pdf",
  size: 1000,
};

const valid = {
  ownerName: "Ana",
  hasInsurance: false,
  pets: [{ petName: "Rex", species: "dog" }],
};

describe("validateAnswers with logic", () => {
  test("valid answers give no errors", () => {
    expect(validateAnswers(definition, valid)).toEqual({});
  });

  test("requireIf makes a field required", () => {
    const errors = validateAnswers(definition, {
      ...valid,
      hasInsurance: true,
    });
    expect(errors.insuranceCard?.code).toBe("required");
    expect(errors["pets.0.petCard"]?.code).toBe("required");
  });

  test("requireIf satisfied", () => {
    const answers = {
      ...valid,
      hasInsurance: true,
      insuranceCard: card,
      pets: [{ petName: "Rex", species: "dog", petCard: card }],
    };
    expect(validateAnswers(definition, answers)).toEqual({});
  });

  test("hidden page is not required", () => {
    expect(validateAnswers(definition, { ...valid, hasNotes: false })).toEqual(
      {},
    );
  });

  test("shown page is required", () => {
    const errors = validateAnswers(definition, { ...valid, hasNotes: true });
    expect(errors.notes?.code).toBe("required");
  });

  test("hidden answer is not checked", () => {
    const answers = { ...valid, hasNotes: false, notes: 42 };
    expect(validateAnswers(definition, answers)).toEqual({});
  });

  test("item showIf requires per item", () => {
    const errors = validateAnswers(definition, {
      ...valid,
      pets: [
        { petName: "Rex", species: "dog" },
        { petName: "Ziggy", species: "other" },
      ],
    });
    expect(Object.keys(errors)).toEqual(["pets.1.speciesOther"]);
  });

  test("hidden item answer is not checked", () => {
    const answers = {
      ...valid,
      pets: [{ petName: "Rex", species: "dog", speciesOther: 7 }],
    };
    expect(validateAnswers(definition, answers)).toEqual({});
  });

  test("item errors use dotted keys", () => {
    const errors = validateAnswers(definition, {
      ...valid,
      pets: [
        { petName: "Rex", species: "dog" },
        { species: "cat", color: "black" },
      ],
    });
    expect(Object.keys(errors).sort()).toEqual([
      "pets.1.color",
      "pets.1.petName",
      "pets.1.species",
    ]);
    expect(errors["pets.1.petName"]?.code).toBe("required");
    expect(errors["pets.1.species"]?.code).toBe("invalidOption");
    expect(errors["pets.1.color"]?.code).toBe("unknownField");
  });

  test.each([
    { description: "missing group", pets: undefined, code: "required" },
    { description: "empty group", pets: [], code: "required" },
    {
      description: "too many items",
      pets: Array.from({ length: 4 }, () => ({ petName: "A", species: "dog" })),
      code: "tooManyItems",
    },
    { description: "item not object", pets: [1], code: "invalidType" },
  ])("$description under group id", ({ pets, code }) => {
    const errors = validateAnswers(definition, { ...valid, pets });
    expect(errors.pets?.code).toBe(code);
  });

  test("wrong file type reported", () => {
    const errors = validateAnswers(definition, {
      ...valid,
      insuranceCard: { ...card, contentType: "image/png" },
    });
    expect(errors.insuranceCard?.code).toBe("fileType");
  });

  test("accepted answers fit answersSchema", () => {
    const answers = {
      ...valid,
      hasInsurance: true,
      insuranceCard: card,
      pets: [{ petName: "Rex", species: "dog", petCard: card }],
    };
    expect(validateAnswers(definition, answers)).toEqual({});
    expect(answersSchema.safeParse(answers).success).toBe(true);
  });
});
