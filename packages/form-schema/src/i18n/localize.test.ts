import { describe, expect, test } from "vitest";

import type { FormDefinition } from "../definition/schema";
import { validateAnswers } from "../answers/validate-answers";
import { validateDefinition } from "../definition/validate-definition";
import { LIMITS } from "../fields/limits";
import { localizeDefinition } from "./localize";
import { isSupportedLocale, SUPPORTED_LOCALES } from "./translation";

const definition: FormDefinition = {
  title: "Check-in",
  description: "Before your visit.",
  pages: [
    {
      id: "you",
      title: "You",
      fields: [
        { id: "intro", type: "paragraph", label: "Intro", text: "Hello." },
        { id: "name", type: "shortText", label: "Name", help: "As on ID." },
        {
          id: "color",
          type: "singleChoice",
          label: "Color",
          options: [
            { value: "red", label: "Red" },
            { value: "blue", label: "Blue" },
          ],
        },
        {
          id: "agree",
          type: "consent",
          label: "Agree",
          statement: "I agree.",
        },
        {
          id: "pets",
          type: "group",
          label: "Pets",
          itemLabel: "Pet",
          fields: [{ id: "petName", type: "shortText", label: "Pet name" }],
        },
        {
          id: "zip",
          type: "shortText",
          label: "ZIP code",
          placeholder: "12345",
          pattern: "[0-9]{5}",
          patternMessage: "Enter 5 digits.",
        },
        {
          id: "mobile",
          type: "phone",
          label: "Mobile",
          placeholder: "555 123 4567",
        },
        { id: "age", type: "number", label: "Age", placeholder: "42" },
      ],
    },
  ],
  translations: {
    es: {
      title: "Registro",
      pages: { you: { title: "Usted" } },
      fields: {
        intro: { text: "Hola." },
        name: { label: "Nombre", help: " " },
        color: { options: { red: "Rojo" } },
        agree: { statement: "Acepto." },
        pets: { label: "Mascotas", itemLabel: "Mascota" },
        petName: { label: "Nombre de la mascota" },
        zip: {
          placeholder: "5 dígitos",
          patternMessage: "Escriba 5 dígitos.",
        },
        mobile: { placeholder: "555 123 4567 (móvil)" },
        age: { placeholder: " " },
      },
    },
  },
};

describe("localizeDefinition", () => {
  const spanish = localizeDefinition(definition, "es");
  const page = spanish.pages[0];
  const fields = page?.fields ?? [];

  test("translates form and page text", () => {
    expect(spanish.title).toBe("Registro");
    expect(page?.title).toBe("Usted");
  });

  test("falls back to English", () => {
    expect(spanish.description).toBe("Before your visit.");
  });

  test("blank translation falls back", () => {
    expect(fields[1]).toMatchObject({ label: "Nombre", help: "As on ID." });
  });

  test("translates static text and statements", () => {
    expect(fields[0]).toMatchObject({ text: "Hola." });
    expect(fields[3]).toMatchObject({ statement: "Acepto." });
  });

  test("translates option labels only", () => {
    expect(fields[2]).toMatchObject({
      options: [
        { value: "red", label: "Rojo" },
        { value: "blue", label: "Blue" },
      ],
    });
  });

  test("translates group and items", () => {
    const group = fields[4];
    expect(group).toMatchObject({ label: "Mascotas", itemLabel: "Mascota" });
    expect(group?.type).toBe("group");
    const itemFields = group?.type === "group" ? group.fields : [];
    expect(itemFields[0]?.label).toBe("Nombre de la mascota");
  });

  test("translates placeholder and pattern message", () => {
    expect(fields[5]).toMatchObject({
      placeholder: "5 dígitos",
      pattern: "[0-9]{5}",
      patternMessage: "Escriba 5 dígitos.",
    });
    expect(fields[6]).toMatchObject({ placeholder: "555 123 4567 (móvil)" });
  });

  test("blank placeholder falls back", () => {
    expect(fields[7]).toMatchObject({ placeholder: "42" });
  });

  test("pattern mismatch shows translated message", () => {
    const errors = validateAnswers(spanish, { zip: "abc" });
    expect(errors.zip?.code).toBe("invalidFormat");
    expect(errors.zip?.message).toBe("Escriba 5 dígitos.");
  });

  test("unset placeholder stays unset", () => {
    const name = fields[1];
    expect(name).toBeDefined();
    expect(name).not.toHaveProperty("placeholder");
  });

  test("keeps ids and rules", () => {
    const ids = (form: FormDefinition) =>
      form.pages.flatMap((p) => p.fields.map((field) => field.id));
    expect(ids(spanish)).toEqual(ids(definition));
  });

  test("english returns the definition", () => {
    expect(localizeDefinition(definition, "en")).toBe(definition);
  });

  test("does not change the input", () => {
    expect(definition.title).toBe("Check-in");
    expect(definition.pages[0]?.fields[1]?.label).toBe("Name");
  });

  test("translated form stays publishable", () => {
    expect(validateDefinition(definition)).toEqual([]);
    expect(validateDefinition(spanish)).toEqual([]);
  });
});

describe("translation problems", () => {
  test.each([
    {
      description: "unknown page",
      es: { pages: { gone: { title: "X" } } },
      path: ["translations", "es", "pages", "gone"],
    },
    {
      description: "unknown option",
      es: { fields: { color: { options: { green: "Verde" } } } },
      path: ["translations", "es", "fields", "color", "options", "green"],
    },
    {
      description: "text on a question",
      es: { fields: { name: { text: "Texto" } } },
      path: ["translations", "es", "fields", "name", "text"],
    },
    {
      description: "item label on a question",
      es: { fields: { name: { itemLabel: "Uno" } } },
      path: ["translations", "es", "fields", "name", "itemLabel"],
    },
    {
      description: "placeholder of a field without one",
      es: { fields: { name: { placeholder: "Su nombre" } } },
      path: ["translations", "es", "fields", "name", "placeholder"],
    },
    {
      description: "placeholder on a choice",
      es: { fields: { color: { placeholder: "Elija" } } },
      path: ["translations", "es", "fields", "color", "placeholder"],
    },
    {
      description: "pattern message without an English one",
      es: { fields: { petName: { patternMessage: "Solo letras." } } },
      path: ["translations", "es", "fields", "petName", "patternMessage"],
    },
    {
      description: "pattern message on a phone",
      es: { fields: { mobile: { patternMessage: "Solo dígitos." } } },
      path: ["translations", "es", "fields", "mobile", "patternMessage"],
    },
  ])("$description is unknownTranslation", ({ es, path }) => {
    const problems = validateDefinition({
      ...definition,
      translations: { es },
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.code).toBe("unknownTranslation");
    expect(problems[0]?.path).toEqual(path);
  });

  test("placeholder over hintLength is invalidStructure", () => {
    const problems = validateDefinition({
      ...definition,
      translations: {
        es: {
          fields: { zip: { placeholder: "x".repeat(LIMITS.hintLength + 1) } },
        },
      },
    });
    expect(problems[0]?.code).toBe("invalidStructure");
    expect(problems[0]?.path).toEqual([
      "translations",
      "es",
      "fields",
      "zip",
      "placeholder",
    ]);
  });

  test("unsupported locale is invalidStructure", () => {
    const problems = validateDefinition({
      ...definition,
      translations: { fr: { title: "Inscription" } },
    });
    expect(problems[0]?.code).toBe("invalidStructure");
  });
});

describe("SUPPORTED_LOCALES", () => {
  test("lists English and Spanish", () => {
    expect(SUPPORTED_LOCALES).toEqual(["en", "es"]);
  });

  test.each([
    { value: "es", expected: true },
    { value: "fr", expected: false },
    { value: undefined, expected: false },
  ])("isSupportedLocale $value", ({ value, expected }) => {
    expect(isSupportedLocale(value)).toBe(expected);
  });
});
