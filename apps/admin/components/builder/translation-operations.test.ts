import type { FormDefinition } from "@intake/form-schema";
import { describe, expect, test } from "vitest";

import {
  fieldTranslation,
  moveFieldTranslation,
  setFieldTranslation,
  setFormTranslation,
  setPageTranslation,
} from "./translation-operations";

const base: FormDefinition = {
  title: "Form",
  pages: [
    {
      id: "p1",
      title: "One",
      fields: [
        {
          id: "zip",
          type: "shortText",
          label: "ZIP",
          placeholder: "12345",
          patternMessage: "Enter 5 digits.",
        },
      ],
    },
  ],
};

const spanish: FormDefinition = {
  ...base,
  translations: {
    es: {
      title: "Formulario",
      fields: { zip: { label: "Código postal", placeholder: "5 dígitos" } },
    },
  },
};

describe("setFieldTranslation", () => {
  test("adds the first translation", () => {
    const next = setFieldTranslation(base, "zip", {
      placeholder: "5 dígitos",
      patternMessage: "Escriba 5 dígitos.",
    });
    expect(next.translations).toEqual({
      es: {
        fields: {
          zip: {
            placeholder: "5 dígitos",
            patternMessage: "Escriba 5 dígitos.",
          },
        },
      },
    });
    expect(next.pages).toBe(base.pages);
  });

  test("drops blank text", () => {
    const next = setFieldTranslation(spanish, "zip", {
      label: "Código postal",
      placeholder: "  ",
    });
    expect(fieldTranslation(next, "zip")).toEqual({ label: "Código postal" });
    expect(next.translations?.es?.title).toBe("Formulario");
  });

  test("drops an empty field entry", () => {
    const next = setFieldTranslation(spanish, "zip", { label: "" });
    expect(next.translations).toEqual({ es: { title: "Formulario" } });
  });

  test("drops empty translations", () => {
    const once = setFieldTranslation(base, "zip", { placeholder: "x" });
    const cleared = setFieldTranslation(once, "zip", { placeholder: "" });
    expect(cleared).toEqual(base);
    expect("translations" in cleared).toBe(false);
  });
});

describe("moveFieldTranslation", () => {
  test("follows a new answer key", () => {
    const next = moveFieldTranslation(spanish, "zip", "postalCode");
    expect(fieldTranslation(next, "zip")).toBeUndefined();
    expect(fieldTranslation(next, "postalCode")).toEqual({
      label: "Código postal",
      placeholder: "5 dígitos",
    });
  });

  test("same id keeps the definition", () => {
    expect(moveFieldTranslation(spanish, "zip", "zip")).toBe(spanish);
  });

  test("untranslated field keeps the definition", () => {
    expect(moveFieldTranslation(base, "zip", "postalCode")).toBe(base);
  });
});

describe("fieldTranslation", () => {
  test("ignores inherited keys", () => {
    expect(fieldTranslation(spanish, "constructor")).toBeUndefined();
  });
});

describe("setFormTranslation", () => {
  test("sets the Spanish title", () => {
    const after = setFormTranslation(base, "title", "Formulario");
    expect(after.translations).toEqual({ es: { title: "Formulario" } });
  });

  test("blank title removes the last translation", () => {
    const onlyTitle = setFormTranslation(base, "title", "Formulario");
    const after = setFormTranslation(onlyTitle, "title", "  ");
    expect(after).not.toHaveProperty("translations");
  });

  test("keeps the field translations", () => {
    const after = setFormTranslation(
      spanish,
      "description",
      "Antes de la cita",
    );
    expect(after.translations?.es).toEqual({
      ...spanish.translations?.es,
      description: "Antes de la cita",
    });
  });
});

describe("setPageTranslation", () => {
  test("sets and clears a page title", () => {
    const set = setPageTranslation(spanish, "p1", "Uno");
    expect(set.translations?.es?.pages).toEqual({ p1: { title: "Uno" } });

    const cleared = setPageTranslation(set, "p1", "");
    expect(cleared.translations?.es).toEqual(spanish.translations?.es);
  });
});
