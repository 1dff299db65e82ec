import type { Answers, FormDefinition } from "@intake/form-schema";
import { renderHook } from "@testing-library/react";
import { describe, expect, test, vi } from "vitest";

import { useVersionChange } from "./use-version-change";

function definitionWith(ageType: "number" | "shortText"): FormDefinition {
  return {
    title: "Check-in",
    pages: [
      {
        id: "about",
        title: "About you",
        fields: [
          { type: "shortText", id: "name", label: "Name" },
          { type: ageType, id: "age", label: "Age" },
        ],
      },
    ],
  } as FormDefinition;
}

const answers: Answers = { name: "Ana", age: 40 };

describe("useVersionChange", () => {
  test("same version changes nothing", () => {
    const onReplace = vi.fn();
    const form = { versionId: "v1", definition: definitionWith("number") };
    const { result, rerender } = renderHook(() =>
      useVersionChange(form, answers, onReplace),
    );
    rerender();

    expect(result.current).toBe(false);
    expect(onReplace).not.toHaveBeenCalled();
  });

  test("new version keeps fitting answers", () => {
    const onReplace = vi.fn();
    const { result, rerender } = renderHook(
      ({ form }) => useVersionChange(form, answers, onReplace),
      {
        initialProps: {
          form: { versionId: "v1", definition: definitionWith("number") },
        },
      },
    );

    rerender({
      form: { versionId: "v2", definition: definitionWith("shortText") },
    });

    expect(result.current).toBe(true);
    expect(onReplace).toHaveBeenCalledTimes(1);
    expect(onReplace).toHaveBeenCalledWith({ name: "Ana" });
  });
});
