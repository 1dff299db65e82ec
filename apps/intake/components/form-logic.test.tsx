import type { FormDefinition } from "@intake/form-schema";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { beforeEach, describe, expect, test, vi } from "vitest";

import { mutations } from "../test/convex-mock";
import { FormRenderer } from "./form-renderer";
import type { PublishedForm } from "./published-form";
import { answersToSubmit } from "./submit-answers";

vi.mock(
  "./convex-client",
  async () => (await import("../test/convex-mock")).convexClientMock,
);

const definition: FormDefinition = {
  title: "Allergy check",
  pages: [
    {
      id: "start",
      title: "Start",
      fields: [
        {
          type: "yesNo",
          id: "allergic",
          label: "Any allergies?",
          required: true,
        },
        {
          type: "longText",
          id: "allergies",
          label: "Which allergies?",
          showIf: { field: "allergic", op: "equals", value: true },
          required: true,
        },
        {
          type: "shortText",
          id: "doctor",
          label: "Doctor's name",
          requireIf: { field: "allergic", op: "equals", value: true },
        },
      ],
    },
    {
      id: "reactions",
      title: "Reactions",
      showIf: { field: "allergic", op: "equals", value: true },
      fields: [{ type: "shortText", id: "reaction", label: "Worst reaction" }],
    },
    {
      id: "end",
      title: "End",
      fields: [{ type: "shortText", id: "notes", label: "Notes" }],
    },
  ],
};

const form = {
  formId: "form1",
  slug: "allergy-check",
  versionId: "version1",
  version: 1,
  title: definition.title,
  clinicName: "Maple Street Family Clinic",
  definition,
} as unknown as PublishedForm;

const submit = mutations["submissions:submit"];

function choose(name: "Yes" | "No") {
  fireEvent.click(screen.getByRole("radio", { name }));
}

function next() {
  fireEvent.click(screen.getByRole("button", { name: "Next" }));
}

beforeEach(() => {
  submit.mockReset();
  localStorage.clear();
});

describe("conditional fields", () => {
  test("field appears and disappears", () => {
    render(<FormRenderer form={form} visitorId="visitor-0001" />);
    expect(
      screen.queryByRole("textbox", { name: /Which allergies/ }),
    ).toBeNull();

    choose("Yes");
    expect(
      screen.getByRole("textbox", { name: /Which allergies/ }),
    ).toBeTruthy();

    choose("No");
    expect(
      screen.queryByRole("textbox", { name: /Which allergies/ }),
    ).toBeNull();
  });

  test("requireIf marks the field required", () => {
    render(<FormRenderer form={form} visitorId="visitor-0001" />);
    const doctor = () => screen.getByRole("textbox", { name: /Doctor's name/ });
    expect(doctor().getAttribute("aria-required")).toBeNull();

    choose("Yes");
    expect(doctor().getAttribute("aria-required")).toBe("true");

    next();
    const summary = screen.getByRole("group", { name: "There is a problem" });
    expect(summary.textContent).toContain("Doctor's name");
    expect(summary.textContent).toContain("Which allergies?");
  });

  test("progress counts visible pages", () => {
    render(<FormRenderer form={form} visitorId="visitor-0001" />);

    choose("No");
    expect(screen.getByRole("heading", { name: /Page 1 of 2/ })).toBeTruthy();

    choose("Yes");
    expect(screen.getByRole("heading", { name: /Page 1 of 3/ })).toBeTruthy();
  });

  test("hidden answers are not reviewed or sent", async () => {
    submit.mockResolvedValue({ reference: "ABC123" });
    render(<FormRenderer form={form} visitorId="visitor-0001" />);
    choose("Yes");
    fireEvent.change(screen.getByRole("textbox", { name: /Which allergies/ }), {
      target: { value: "Peanuts" },
    });
    choose("No");
    next();
    expect(screen.getByRole("heading", { name: /End/ })).toBeTruthy();
    next();

    const review = screen.getByRole("heading", { name: "Review your answers" });
    expect(review).toBeTruthy();
    expect(screen.queryByText("Peanuts")).toBeNull();
    expect(screen.queryByText("Which allergies?")).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "Submit" }));
    await act(async () => {});

    expect(submit).toHaveBeenCalledTimes(1);
    expect(submit.mock.calls[0]![0].answers).toEqual({ allergic: false });
  });
});

describe("answersToSubmit", () => {
  test("drops hidden and empty answers", () => {
    const answers = answersToSubmit(definition, {
      allergic: false,
      allergies: "Peanuts",
      reaction: "Hives",
      notes: "",
      removed: "gone",
    });

    expect(answers).toEqual({ allergic: false });
  });

  test("keeps group items in place", () => {
    const withGroup: FormDefinition = {
      title: "Pets",
      pages: [
        {
          id: "pets",
          title: "Pets",
          fields: [
            {
              type: "group",
              id: "pets",
              label: "Pets",
              itemLabel: "Pet",
              fields: [
                { type: "shortText", id: "name", label: "Name" },
                { type: "shortText", id: "breed", label: "Breed" },
              ],
            },
          ],
        },
      ],
    };

    const answers = answersToSubmit(withGroup, {
      pets: [
        { name: "", breed: "" },
        { name: "Tom", breed: "" },
      ],
    });

    expect(answers).toEqual({ pets: [{}, { name: "Tom" }] });
  });
});
