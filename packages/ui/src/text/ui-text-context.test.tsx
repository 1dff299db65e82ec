import type { Field } from "@intake/form-schema";
import { render, screen } from "@testing-library/react";
import { describe, expect, test } from "vitest";

import { FormField } from "../components/form-field";
import { UiTextProvider } from "./ui-text-context";

function renderIn(locale: "en" | "es", field: Field) {
  return render(
    <UiTextProvider locale={locale}>
      <FormField
        field={field}
        value={undefined}
        error="Mensaje"
        onChange={() => {}}
      />
    </UiTextProvider>,
  );
}

describe("UiTextProvider", () => {
  test("Spanish yes/no options and required mark", () => {
    renderIn("es", { type: "yesNo", id: "q", label: "¿Fuma?", required: true });

    expect(screen.getByRole("radio", { name: "Sí" })).toBeTruthy();
    expect(screen.getByRole("radio", { name: "No" })).toBeTruthy();
    expect(screen.getByText("(obligatorio)")).toBeTruthy();
  });

  test("Spanish consent box", () => {
    renderIn("es", { type: "consent", id: "c", label: "Acuerdo" });

    expect(screen.getByRole("checkbox", { name: "Acepto" })).toBeTruthy();
  });

  test("English without a provider", () => {
    render(
      <FormField
        field={{ type: "yesNo", id: "q", label: "Smoker?", required: true }}
        value={undefined}
        onChange={() => {}}
      />,
    );

    expect(screen.getByRole("radio", { name: "Yes" })).toBeTruthy();
    expect(screen.getByText("(required)")).toBeTruthy();
  });
});
