import type { Field, FormDefinition } from "@intake/form-schema";
import { describe, expect, test } from "vitest";

import { applyDrop, fieldDragId, pageDragId, parseDragId } from "./drag-ids";

const text = (id: string): Field => ({ id, type: "shortText", label: id });

const definition: FormDefinition = {
  title: "Form",
  pages: [
    { id: "p1", title: "One", fields: [text("a"), text("b"), text("c")] },
    { id: "p2", title: "Two", fields: [] },
  ],
};

function order(result: FormDefinition) {
  return result.pages.map((page) => [
    page.id,
    page.fields.map((field) => field.id).join(""),
  ]);
}

describe("parseDragId", () => {
  test.each([
    [fieldDragId("name"), { kind: "field", id: "name" }],
    [pageDragId("page1"), { kind: "page", id: "page1" }],
    ["other:x", null],
  ])("parses %s", (dragId, expected) => {
    expect(parseDragId(dragId)).toEqual(expected);
  });
});

describe("applyDrop", () => {
  test.each([
    {
      case: "field down onto a field",
      active: fieldDragId("a"),
      over: fieldDragId("c"),
      expected: [
        ["p1", "bca"],
        ["p2", ""],
      ],
    },
    {
      case: "field up onto a field",
      active: fieldDragId("c"),
      over: fieldDragId("a"),
      expected: [
        ["p1", "cab"],
        ["p2", ""],
      ],
    },
    {
      case: "field onto an empty page",
      active: fieldDragId("b"),
      over: pageDragId("p2"),
      expected: [
        ["p1", "ac"],
        ["p2", "b"],
      ],
    },
    {
      case: "page onto a page",
      active: pageDragId("p2"),
      over: pageDragId("p1"),
      expected: [
        ["p2", ""],
        ["p1", "abc"],
      ],
    },
  ])("moves $case", ({ active, over, expected }) => {
    expect(order(applyDrop(definition, active, over))).toEqual(expected);
  });

  test.each([
    { case: "no target", over: null },
    { case: "itself", over: fieldDragId("a") },
    { case: "its own page", over: pageDragId("p1") },
  ])("keeps the draft for $case", ({ over }) => {
    expect(applyDrop(definition, fieldDragId("a"), over)).toBe(definition);
  });

  test("ignores a page dropped on a field", () => {
    expect(applyDrop(definition, pageDragId("p2"), fieldDragId("a"))).toBe(
      definition,
    );
  });
});
