import type { InputField } from "@intake/form-schema";
import { describe, expect, test } from "vitest";

import { fieldErrorText } from "./field-error-text";

const name: InputField = {
  type: "shortText",
  id: "name",
  label: "Name",
  minLength: 2,
  maxLength: 40,
};
const age: InputField = {
  type: "number",
  id: "age",
  label: "Age",
  min: 0,
  max: 120,
};

const signature: InputField = {
  type: "signature",
  id: "sign",
  label: "Signature",
};

/** A localized field, as the renderer passes it, with a Spanish message. */
const zip: InputField = {
  type: "shortText",
  id: "zip",
  label: "Código postal",
  pattern: "[0-9]{5}",
  patternMessage: "Escriba 5 dígitos.",
};

describe("fieldErrorText", () => {
  test("English passes the message through", () => {
    const error = { code: "required", message: "Enter an answer." };
    expect(fieldErrorText(name, error, "en")).toBe("Enter an answer.");
  });

  test.each([
    { field: name, code: "required", expected: /^Escriba una respuesta/ },
    { field: name, code: "tooShort", expected: /al menos 2 caracteres/ },
    { field: name, code: "tooLong", expected: /40 caracteres o menos/ },
    { field: age, code: "outOfRange", expected: /un número de 0 a 120/ },
    { field: name, code: "someNewCode", expected: /^Revise esta respuesta/ },
    { field: signature, code: "required", expected: /escriba su nombre/ },
    { field: signature, code: "tooLong", expected: /hasta 100 caracteres/ },
    { field: signature, code: "invalidFormat", expected: /sin saltos/ },
  ])("Spanish $code", ({ field, code, expected }) => {
    const text = fieldErrorText(field, { code, message: "English" }, "es");
    expect(text).toMatch(expected);
    expect(text).not.toContain("English");
  });

  test("Spanish pattern mismatch shows the pattern message", () => {
    const error = { code: "invalidFormat", message: "Enter 5 digits." };
    expect(fieldErrorText(zip, error, "es", "abc")).toBe("Escriba 5 dígitos.");
  });

  test("Spanish line break ignores the pattern message", () => {
    const error = { code: "invalidFormat", message: "Keep it on one line." };
    const text = fieldErrorText(zip, error, "es", "12\n345");
    expect(text).toMatch(/^Esta respuesta no tiene el formato esperado/);
  });

  test("Spanish pattern error without the answer is general", () => {
    const error = { code: "invalidFormat", message: "Enter 5 digits." };
    const text = fieldErrorText(zip, error, "es");
    expect(text).toMatch(/^Esta respuesta no tiene el formato esperado/);
  });

  test("English keeps the validator's message", () => {
    const error = { code: "invalidFormat", message: "Enter 5 digits." };
    expect(fieldErrorText(zip, error, "en", "abc")).toBe("Enter 5 digits.");
  });

  test("Spanish tooLarge asks to shorten", () => {
    const error = { code: "tooLarge", message: "Shorten this answer." };
    expect(fieldErrorText(name, error, "es")).toMatch(/^Acorte esta respuesta/);
  });
});
