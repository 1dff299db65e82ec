import {
  FIELD_TYPES,
  validateDefinition,
  type Field,
  type FormDefinition,
} from "@intake/form-schema";
import { describe, expect, test } from "vitest";

import {
  addField,
  addPage,
  deleteField,
  deletePage,
  duplicateField,
  locateField,
  moveField,
  moveFieldBy,
  movePage,
  renamePage,
  replaceField,
  setPageCondition,
  uniqueId,
  updateField,
} from "./draft-operations";

const text = (id: string): Field => ({ id, type: "shortText", label: id });

function twoPages(): FormDefinition {
  return {
    title: "Form",
    pages: [
      { id: "p1", title: "One", fields: [text("a"), text("b")] },
      { id: "p2", title: "Two", fields: [text("c")] },
    ],
  };
}

/** {@link twoPages} with Spanish text for both pages and every field. */
function translated(): FormDefinition {
  return {
    ...twoPages(),
    translations: {
      es: {
        title: "Formulario",
        pages: { p1: { title: "Uno" }, p2: { title: "Dos" } },
        fields: { a: { label: "A" }, b: { label: "B" }, c: { label: "C" } },
      },
    },
  };
}

function idsByPage(definition: FormDefinition): string[][] {
  return definition.pages.map((page) => page.fields.map((field) => field.id));
}

describe("uniqueId", () => {
  test("skips taken ids", () => {
    expect(uniqueId("page", new Set(["page1", "page2"]))).toBe("page3");
  });

  test("starts at 1", () => {
    expect(uniqueId("email", new Set())).toBe("email1");
  });
});

describe("addField", () => {
  test.each(FIELD_TYPES)("adds a publishable %s field", (type) => {
    const blank: FormDefinition = {
      title: "Form",
      pages: [{ id: "p1", title: "", fields: [text("name")] }],
    };
    const { definition, fieldId } = addField(blank, 0, type);
    expect(definition.pages[0]?.fields[1]?.type).toBe(type);
    expect(definition.pages[0]?.fields[1]?.id).toBe(fieldId);
    expect(validateDefinition(definition)).toEqual([]);
  });

  test("inserts after the given field", () => {
    const { definition } = addField(twoPages(), 0, "email", "a");
    expect(idsByPage(definition)).toEqual([["a", "email1", "b"], ["c"]]);
  });

  test("keeps other pages identical", () => {
    const before = twoPages();
    const { definition } = addField(before, 0, "email");
    expect(definition.pages[1]).toBe(before.pages[1]);
  });
});

describe("updateField", () => {
  test("replaces only that field", () => {
    const before = twoPages();
    const after = updateField(before, "b", (field) => ({
      ...field,
      label: "Changed",
    }));
    expect(after.pages[0]?.fields[1]?.label).toBe("Changed");
    expect(after.pages[0]?.fields[0]).toBe(before.pages[0]?.fields[0]);
    expect(after.pages[1]).toBe(before.pages[1]);
  });

  test("ignores an unknown id", () => {
    const before = twoPages();
    expect(updateField(before, "zzz", (field) => field)).toBe(before);
  });
});

describe("duplicateField", () => {
  test("copies with a new id after it", () => {
    const { definition, fieldId } = duplicateField(twoPages(), "a");
    expect(fieldId).toBe("shortText1");
    expect(idsByPage(definition)).toEqual([["a", "shortText1", "b"], ["c"]]);
    expect(definition.pages[0]?.fields[1]?.label).toBe("a (copy)");
  });
});

describe("deleteField", () => {
  test("removes the field", () => {
    expect(idsByPage(deleteField(twoPages(), "b"))).toEqual([["a"], ["c"]]);
  });

  test("removes its Spanish text", () => {
    const after = deleteField(translated(), "b");
    expect(after.translations?.es?.fields).toEqual({
      a: { label: "A" },
      c: { label: "C" },
    });
    expect(validateDefinition(after)).toEqual([]);
  });

  test("removes the Spanish text of group items", () => {
    const group: Field = {
      id: "pets",
      type: "group",
      label: "Pets",
      itemLabel: "Pet",
      fields: [text("petName")],
    } as Field;
    const definition: FormDefinition = {
      title: "Form",
      pages: [{ id: "p1", title: "One", fields: [text("a"), group] }],
      translations: {
        es: {
          fields: { pets: { label: "Mascotas" }, petName: { label: "Nombre" } },
        },
      },
    };

    const after = deleteField(definition, "pets");
    expect(after).not.toHaveProperty("translations");
    expect(validateDefinition(after)).toEqual([]);
  });
});

describe("replaceField", () => {
  test("moves the Spanish text to a new id", () => {
    const after = replaceField(translated(), "b", text("bee"));
    expect(idsByPage(after)).toEqual([["a", "bee"], ["c"]]);
    expect(after.translations?.es?.fields).toEqual({
      a: { label: "A" },
      bee: { label: "B" },
      c: { label: "C" },
    });
  });

  test("drops the Spanish text of removed items", () => {
    const group = {
      id: "pets",
      type: "group",
      label: "Pets",
      itemLabel: "Pet",
      fields: [text("petName"), text("petAge")],
    } as Field;
    const definition: FormDefinition = {
      title: "Form",
      pages: [{ id: "p1", title: "One", fields: [group] }],
      translations: {
        es: {
          fields: { petName: { label: "Nombre" }, petAge: { label: "Edad" } },
        },
      },
    };

    const after = replaceField(definition, "pets", {
      ...group,
      fields: [text("petName")],
    } as Field);
    expect(after.translations?.es?.fields).toEqual({
      petName: { label: "Nombre" },
    });
    expect(validateDefinition(after)).toEqual([]);
  });
});

describe("moveField", () => {
  test.each([
    { to: [0, 0], expected: [["b", "a"], ["c"]] },
    { to: [1, 0], expected: [["a"], ["b", "c"]] },
    { to: [1, 9], expected: [["a"], ["c", "b"]] },
  ])("moves b to page $to.0 index $to.1", ({ to, expected }) => {
    const [page, index] = to as [number, number];
    expect(idsByPage(moveField(twoPages(), "b", page, index))).toEqual(
      expected,
    );
  });
});

describe("moveFieldBy", () => {
  test.each([
    { id: "b", step: -1, expected: [["b", "a"], ["c"]] },
    { id: "a", step: 1, expected: [["b", "a"], ["c"]] },
    { id: "b", step: 1, expected: [["a"], ["b", "c"]] },
    { id: "c", step: -1, expected: [["a", "b", "c"], []] },
    { id: "a", step: -1, expected: [["a", "b"], ["c"]] },
    { id: "c", step: 1, expected: [["a", "b"], ["c"]] },
  ] as const)("moves $id by $step", ({ id, step, expected }) => {
    expect(idsByPage(moveFieldBy(twoPages(), id, step))).toEqual(expected);
  });
});

describe("pages", () => {
  test("addPage appends an empty page", () => {
    const { definition, pageId } = addPage(twoPages());
    expect(pageId).toBe("page1");
    expect(definition.pages.map((page) => page.id)).toEqual([
      "p1",
      "p2",
      "page1",
    ]);
  });

  test("renamePage sets the title", () => {
    expect(renamePage(twoPages(), "p2", "Health").pages[1]?.title).toBe(
      "Health",
    );
  });

  test("setPageCondition sets and removes showIf", () => {
    const showIf = { field: "a", op: "isNotEmpty" } as const;
    const withLogic = setPageCondition(twoPages(), "p2", showIf);
    expect(withLogic.pages[1]?.showIf).toEqual(showIf);
    const without = setPageCondition(withLogic, "p2", undefined);
    expect(without.pages[1]).not.toHaveProperty("showIf");
  });

  test("deletePage removes its fields", () => {
    const after = deletePage(twoPages(), "p1");
    expect(idsByPage(after)).toEqual([["c"]]);
    expect(locateField(after, "a")).toBeNull();
  });

  test("deletePage removes the Spanish text of it", () => {
    const after = deletePage(translated(), "p1");
    expect(after.translations?.es).toEqual({
      title: "Formulario",
      pages: { p2: { title: "Dos" } },
      fields: { c: { label: "C" } },
    });
    expect(validateDefinition(after)).toEqual([]);
  });

  test("deletePage keeps the last page", () => {
    const single = deletePage(twoPages(), "p1");
    expect(deletePage(single, "p2")).toBe(single);
  });

  test.each([
    { toIndex: 0, expected: ["p2", "p1"] },
    { toIndex: 1, expected: ["p1", "p2"] },
    { toIndex: 5, expected: ["p1", "p2"] },
  ])("movePage p2 to $toIndex", ({ toIndex, expected }) => {
    const after = movePage(twoPages(), "p2", toIndex);
    expect(after.pages.map((page) => page.id)).toEqual(expected);
  });
});
