import { validateDefinition, type FormDefinition } from "@intake/form-schema";
import { describe, expect, test } from "vitest";

import { indexProblems } from "./problems";

const definition: FormDefinition = {
  title: "",
  pages: [
    {
      id: "p1",
      title: "One",
      fields: [
        { id: "name", type: "shortText", label: "" },
        { id: "pick", type: "singleChoice", label: "Pick", options: [] },
      ],
    },
    { id: "p2", title: "Two", fields: [] },
  ],
};

describe("indexProblems", () => {
  const index = indexProblems(definition, validateDefinition(definition));

  test("files field problems under the field", () => {
    expect(index.byField.get("name")?.map((p) => p.code)).toEqual([
      "missingText",
    ]);
    expect(index.byField.get("pick")?.map((p) => p.code)).toEqual([
      "emptyOptions",
    ]);
  });

  test("files page problems under the page", () => {
    expect(index.byPage.get("p2")?.map((p) => p.code)).toEqual(["emptyPage"]);
  });

  test("keeps every problem in the list", () => {
    expect(index.all).toHaveLength(validateDefinition(definition).length);
    const title = index.all.find((problem) => problem.path[0] === "title");
    expect(title?.fieldId).toBeUndefined();
    expect(title?.pageId).toBeUndefined();
  });
});

describe("indexProblems translations", () => {
  const translated: FormDefinition = {
    ...definition,
    translations: {
      es: {
        fields: {
          name: { placeholder: "Su nombre" },
          gone: { label: "Ido" },
        },
      },
    },
  };
  const index = indexProblems(translated, validateDefinition(translated));

  test("files a field's translation under the field", () => {
    const codes = index.byField.get("name")?.map((p) => p.code);
    expect(codes).toContain("unknownTranslation");
    const problem = index.byField
      .get("name")
      ?.find((p) => p.code === "unknownTranslation");
    expect(problem?.pageId).toBe("p1");
  });

  test("keeps a missing field's translation unfiled", () => {
    const gone = index.all.find((problem) => problem.path[3] === "gone");
    expect(gone?.code).toBe("unknownTranslation");
    expect(gone?.fieldId).toBeUndefined();
  });
});
