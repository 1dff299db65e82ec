import type { Field } from "@intake/form-schema";
import { render } from "@testing-library/react";
import { describe, expect, test, vi } from "vitest";

import { AutofillProvider } from "./autofill-context";
import { FormField } from "./form-field";

const fields: Field[] = [
  { type: "shortText", id: "name", label: "Name", required: false },
  { type: "email", id: "email", label: "Email", required: false },
  { type: "phone", id: "phone", label: "Phone", required: false },
  { type: "longText", id: "notes", label: "Notes", required: false },
  { type: "address", id: "home", label: "Home address", required: false },
] as Field[];

function renderFields(allowed: boolean | null) {
  const form = fields.map((field) => (
    <FormField
      key={field.id}
      field={field}
      value={undefined}
      onChange={vi.fn()}
    />
  ));
  const view = render(
    allowed === null ? (
      <>{form}</>
    ) : (
      <AutofillProvider allowed={allowed}>{form}</AutofillProvider>
    ),
  );
  return Array.from(
    view.container.querySelectorAll<HTMLElement>("input, textarea"),
  );
}

describe("AutofillProvider", () => {
  test("forbidden autofill turns every control off", () => {
    const controls = renderFields(false);
    expect(controls.length).toBeGreaterThanOrEqual(9);
    for (const control of controls) {
      expect(control.getAttribute("autocomplete"), control.id).toBe("off");
    }
  });

  test.each([
    { $description: "without a provider", allowed: null },
    { $description: "when allowed", allowed: true },
  ])("keeps autofill tokens $$description", ({ allowed }) => {
    const controls = renderFields(allowed);
    const email = controls.find((control) => control.id.endsWith("email"));
    expect(email?.getAttribute("autocomplete")).toBe("email");
    const tokens = controls.map((control) =>
      control.getAttribute("autocomplete"),
    );
    expect(tokens).toContain("postal-code");
    expect(tokens).not.toContain("off");
  });
});
