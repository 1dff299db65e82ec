import { describe, expect, test } from "vitest";

import type { FormDefinition } from "../definition/schema";
import { fieldSchema } from "../fields";
import { fileAnswerEntries, fileAnswers } from "./file-answers";

const definition: FormDefinition = {
  title: "Files",
  pages: [
    {
      id: "p",
      title: "P",
      fields: [
        { id: "card", type: "file", label: "Card" },
        { id: "note", type: "shortText", label: "Note" },
        {
          id: "pets",
          type: "group",
          label: "Pets",
          itemLabel: "Pet",
          fields: [{ id: "photo", type: "file", label: "Photo" }],
        },
      ],
    },
  ],
};

function upload(storageId: string) {
  return { storageId, name: "a.png", contentType: "image/png", size: 1 };
}

describe("fileAnswers", () => {
  test("lists top-level and item files", () => {
    const files = fileAnswers(definition, {
      card: upload("s1"),
      note: "hi",
      pets: [{ photo: upload("s2") }, {}, { photo: upload("s3") }],
    });
    expect(files.map((file) => file.storageId)).toEqual(["s1", "s2", "s3"]);
  });

  test("entries carry error keys", () => {
    const entries = fileAnswerEntries(definition, {
      card: upload("s1"),
      pets: [{}, { photo: upload("s2") }],
    });
    expect(entries.map((entry) => entry.key)).toEqual(["card", "pets.1.photo"]);
    expect(entries[1]?.field.id).toBe("photo");
  });

  test("skips values that are not files", () => {
    const files = fileAnswers(definition, {
      card: "s1",
      pets: [{ photo: { storageId: 1 } }, "x"],
    });
    expect(files).toEqual([]);
  });
});

describe("fieldSchema for new types", () => {
  test("rejects a group inside a group", () => {
    const result = fieldSchema.safeParse({
      id: "outer",
      type: "group",
      label: "Outer",
      itemLabel: "Item",
      fields: [
        { id: "inner", type: "group", label: "In", itemLabel: "I", fields: [] },
      ],
    });
    expect(result.success).toBe(false);
  });

  test("rejects maxItems above 20", () => {
    const result = fieldSchema.safeParse({
      id: "pets",
      type: "group",
      label: "Pets",
      itemLabel: "Pet",
      maxItems: 21,
      fields: [],
    });
    expect(result.success).toBe(false);
  });

  test.each([
    { accept: ["image/png"], ok: true },
    { accept: ["image/*"], ok: true },
    { accept: ["Image/PNG"], ok: false },
    { accept: ["png"], ok: false },
  ])("file accept $accept", ({ accept, ok }) => {
    const result = fieldSchema.safeParse({
      id: "card",
      type: "file",
      label: "Card",
      accept,
    });
    expect(result.success).toBe(ok);
  });

  test("rejects maxSizeBytes above 10 MiB", () => {
    const result = fieldSchema.safeParse({
      id: "card",
      type: "file",
      label: "Card",
      maxSizeBytes: 10 * 1024 * 1024 + 1,
    });
    expect(result.success).toBe(false);
  });

  test("accepts nested conditions", () => {
    const result = fieldSchema.safeParse({
      id: "details",
      type: "longText",
      label: "Details",
      showIf: {
        any: [
          { field: "smoker", op: "equals", value: true },
          { all: [{ field: "age", op: "greaterThan", value: 60 }] },
        ],
      },
      requireIf: { field: "smoker", op: "isNotEmpty" },
    });
    expect(result.success).toBe(true);
  });

  test("rejects an unknown condition op", () => {
    const result = fieldSchema.safeParse({
      id: "details",
      type: "longText",
      label: "Details",
      showIf: { field: "smoker", op: "contains", value: "x" },
    });
    expect(result.success).toBe(false);
  });
});
