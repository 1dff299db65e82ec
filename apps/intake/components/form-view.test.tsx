import { act, fireEvent, render, screen } from "@testing-library/react";
import { beforeEach, describe, expect, test, vi } from "vitest";

import { mutations, liveQueryResult } from "../test/convex-mock";
import { FormView } from "./form-view";
import type { PublishedForm } from "./published-form";

vi.mock(
  "./convex-client",
  async () => (await import("../test/convex-mock")).convexClientMock,
);

const form = {
  formId: "form1",
  slug: "new-patient-demo",
  versionId: "version1",
  version: 1,
  title: "New patient",
  clinicName: "Maple Street Family Clinic",
  definition: {
    title: "New patient",
    pages: [
      {
        id: "about",
        title: "About you",
        fields: [{ type: "shortText", id: "firstName", label: "First name" }],
      },
    ],
  },
} as unknown as PublishedForm;

function renderView() {
  return render(
    <FormView
      slug="new-patient-demo"
      initial={form}
      visitorFromUrl="visitor-0001"
    />,
  );
}

beforeEach(() => {
  localStorage.clear();
  mutations["views:record"].mockReset();
  mutations["views:record"].mockResolvedValue(null);
  liveQueryResult.current = form;
});

describe("FormView unpublished", () => {
  test("says the form closed and keeps the draft", async () => {
    const view = renderView();
    await act(async () => {});
    fireEvent.change(screen.getByRole("textbox", { name: "First name" }), {
      target: { value: "Ana" },
    });

    // The subscription reports the form unpublished before the draft timer.
    liveQueryResult.current = null;
    view.rerender(
      <FormView
        slug="new-patient-demo"
        initial={form}
        visitorFromUrl="visitor-0001"
      />,
    );

    const heading = screen.getByRole("heading", {
      name: "This form is closed",
    });
    expect(document.activeElement).toBe(heading);
    expect(screen.queryByRole("textbox")).toBeNull();
    const saved = localStorage.getItem("intake:draft:form1:version1");
    expect(JSON.parse(saved ?? "{}").answers).toEqual({ firstName: "Ana" });
  });
});
