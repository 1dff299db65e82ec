import { describe, expect, test } from "vitest";

import { localeFromAcceptLanguage, localeFromTags } from "./locale";

describe("localeFromAcceptLanguage", () => {
  test.each([
    { header: "es-MX,es;q=0.9,en;q=0.8", expected: "es" },
    { header: "en-US,en;q=0.9", expected: "en" },
    { header: "fr-FR,fr;q=0.9,es;q=0.5", expected: "es" },
    { header: "en;q=0.4, es;q=0.8", expected: "es" },
    { header: "ES", expected: "es" },
    { header: "es;q=0, en", expected: "en" },
    { header: "de, fr", expected: null },
    { header: "*", expected: null },
    { header: "", expected: null },
    { header: null, expected: null },
  ])("$header is $expected", ({ header, expected }) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});

describe("localeFromTags", () => {
  test.each([
    { tags: ["es-419", "en"], expected: "es" },
    { tags: ["pt-BR", "en-GB"], expected: "en" },
    { tags: ["pt-BR"], expected: null },
    { tags: [], expected: null },
  ])("$tags is $expected", ({ tags, expected }) => {
    expect(localeFromTags(tags)).toBe(expected);
  });
});
