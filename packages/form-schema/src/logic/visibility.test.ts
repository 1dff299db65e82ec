import { describe, expect, test } from "vitest";

import type { FormDefinition } from "../definition/schema";
import type { Field } from "../fields";
import {
  isFieldRequired,
  pruneHiddenAnswers,
  visibleFieldIds,
  visiblePages,
} from "./visibility";

const definition: FormDefinition = {
  title: "Visit",
  pages: [
    {
      id: "about",
      title: "About you",
      fields: [
        { id: "smoker", type: "yesNo", label: "Do you smoke?" },
        {
          id: "packs",
          type: "number",
          label: "Packs a day",
          showIf: { field: "smoker", op: "equals", value: true },
        },
        {
          id: "quitHelp",
          type: "yesNo",
          label: "Want help quitting?",
          showIf: { field: "packs", op: "greaterThan", value: 1 },
        },
        { id: "hasPets", type: "yesNo", label: "Pets?" },
      ],
    },
    {
      id: "petPage",
      title: "Pets",
      showIf: { field: "hasPets", op: "equals", value: true },
      fields: [
        {
          id: "pets",
          type: "group",
          label: "Pets",
          itemLabel: "Pet",
          fields: [
            {
              id: "species",
              type: "singleChoice",
              label: "Species",
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
            },
            {
              id: "smokeExposure",
              type: "yesNo",
              label: "Exposed to smoke?",
              showIf: { field: "smoker", op: "equals", value: true },
            },
          ],
        },
      ],
    },
  ],
};

describe("visibleFieldIds", () => {
  test("no answers hides dependents", () => {
    expect([...visibleFieldIds(definition, {})]).toEqual(["smoker", "hasPets"]);
  });

  test("chained conditions show fields", () => {
    const ids = visibleFieldIds(definition, { smoker: true, packs: 2 });
    expect(ids.has("packs")).toBe(true);
    expect(ids.has("quitHelp")).toBe(true);
  });

  test("hidden parent hides child", () => {
    // packs is hidden, so its stale answer must not show quitHelp.
    const ids = visibleFieldIds(definition, { smoker: false, packs: 2 });
    expect(ids.has("packs")).toBe(false);
    expect(ids.has("quitHelp")).toBe(false);
  });

  test("group items use their own answers", () => {
    const ids = visibleFieldIds(definition, {
      smoker: true,
      hasPets: true,
      pets: [{ species: "dog" }, { species: "other" }],
    });
    expect(ids.has("pets")).toBe(true);
    expect(ids.has("pets.0.speciesOther")).toBe(false);
    expect(ids.has("pets.1.speciesOther")).toBe(true);
    expect(ids.has("pets.0.smokeExposure")).toBe(true);
    expect(ids.has("pets.1.species")).toBe(true);
  });

  test("hidden page hides its fields", () => {
    const ids = visibleFieldIds(definition, {
      hasPets: false,
      pets: [{ species: "other" }],
    });
    expect(ids.has("pets")).toBe(false);
    expect(ids.has("pets.0.species")).toBe(false);
  });

  test("cycle terminates", () => {
    const cyclic: FormDefinition = {
      title: "Loop",
      pages: [
        {
          id: "p",
          title: "P",
          fields: [
            {
              id: "a",
              type: "yesNo",
              label: "A",
              showIf: { field: "b", op: "isEmpty" },
            },
            {
              id: "b",
              type: "yesNo",
              label: "B",
              showIf: { field: "a", op: "isEmpty" },
            },
          ],
        },
      ],
    };
    // Resolving "a" meets "a" again while pending, which reads as hidden,
    // so "b" shows and then hides "a".
    const ids = visibleFieldIds(cyclic, { a: true, b: true });
    expect([...ids]).toEqual(["b"]);
  });
});

describe("visiblePages", () => {
  test("page showIf false hides page", () => {
    const pages = visiblePages(definition, { hasPets: false });
    expect(pages.map((page) => page.id)).toEqual(["about"]);
  });

  test("page showIf true shows page", () => {
    const pages = visiblePages(definition, { hasPets: true });
    expect(pages.map((page) => page.id)).toEqual(["about", "petPage"]);
  });
});

describe("isFieldRequired", () => {
  const allergy: Field = {
    id: "allergyDetails",
    type: "longText",
    label: "Details",
    requireIf: { field: "hasAllergies", op: "equals", value: true },
  };

  test.each([
    { answers: { hasAllergies: true }, expected: true },
    { answers: { hasAllergies: false }, expected: false },
    { answers: {}, expected: false },
  ])("requireIf with $answers", ({ answers, expected }) => {
    expect(isFieldRequired(allergy, answers)).toBe(expected);
  });

  test("required ignores requireIf", () => {
    expect(isFieldRequired({ ...allergy, required: true }, {})).toBe(true);
  });

  test("static field is never required", () => {
    const heading: Field = { id: "h", type: "heading", label: "H", text: "T" };
    expect(isFieldRequired(heading, {})).toBe(false);
  });
});

describe("pruneHiddenAnswers", () => {
  test("drops hidden answers", () => {
    const pruned = pruneHiddenAnswers(definition, {
      smoker: false,
      packs: 2,
      quitHelp: true,
      hasPets: false,
      pets: [{ species: "dog" }],
    });
    expect(pruned).toEqual({ smoker: false, hasPets: false });
  });

  test("keeps unknown keys", () => {
    const pruned = pruneHiddenAnswers(definition, {
      smoker: true,
      favoriteColor: "blue",
    });
    expect(pruned).toEqual({ smoker: true, favoriteColor: "blue" });
  });

  test("drops hidden item fields", () => {
    const pruned = pruneHiddenAnswers(definition, {
      smoker: false,
      hasPets: true,
      pets: [
        { species: "dog", speciesOther: "Wolf", smokeExposure: true },
        { species: "other", speciesOther: "Ferret", nickname: "Fred" },
      ],
    });
    expect(pruned.pets).toEqual([
      { species: "dog" },
      { species: "other", speciesOther: "Ferret", nickname: "Fred" },
    ]);
  });

  test("does not change the input", () => {
    const answers = { smoker: false, packs: 2 };
    pruneHiddenAnswers(definition, answers);
    expect(answers).toEqual({ smoker: false, packs: 2 });
  });
});
