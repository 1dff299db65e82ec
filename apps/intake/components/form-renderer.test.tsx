import type { FormDefinition } from "@intake/form-schema";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { ConvexError } from "convex/values";
import { renderToString } from "react-dom/server";
import { beforeEach, describe, expect, test, vi } from "vitest";

import { mutations } from "../test/convex-mock";
import { FormRenderer } from "./form-renderer";
import type { PublishedForm } from "./published-form";

vi.mock(
  "./convex-client",
  async () => (await import("../test/convex-mock")).convexClientMock,
);

const definition: FormDefinition = {
  title: "New patient",
  pages: [
    {
      id: "about",
      title: "About you",
      fields: [
        {
          type: "shortText",
          id: "firstName",
          label: "First name",
          required: true,
        },
        { type: "email", id: "email", label: "Email" },
      ],
    },
    {
      id: "consent",
      title: "Consent",
      fields: [
        { type: "yesNo", id: "smoker", label: "Do you smoke?", required: true },
      ],
    },
  ],
};

const form = {
  formId: "form1",
  slug: "new-patient-demo",
  versionId: "version1",
  version: 1,
  title: definition.title,
  clinicName: "Maple Street Family Clinic",
  definition,
} as unknown as PublishedForm;

const submit = mutations["submissions:submit"];

function renderForm() {
  return render(<FormRenderer form={form} visitorId="visitor-0001" />);
}

function fillFirstPage() {
  fireEvent.change(screen.getByRole("textbox", { name: /First name/ }), {
    target: { value: "Ana" },
  });
  fireEvent.click(screen.getByRole("button", { name: "Next" }));
}

/** Answers the last page and opens the review step. */
function openReview(smoker: "Yes" | "No") {
  fireEvent.click(screen.getByRole("radio", { name: smoker }));
  fireEvent.click(screen.getByRole("button", { name: "Next" }));
}

/** Lets the mutation promise settle and React apply the result. */
async function settle() {
  await act(async () => {});
}

beforeEach(() => {
  submit.mockReset();
  localStorage.clear();
});

describe("FormRenderer server HTML", () => {
  test("submit stays disabled until hydration", () => {
    const container = document.createElement("div");
    container.innerHTML = renderToString(
      <FormRenderer form={form} visitorId={null} />,
    );

    const button = container.querySelector("button[type=submit]");
    expect(button?.hasAttribute("disabled")).toBe(true);
    expect(container.querySelector("form")?.getAttribute("method")).toBe(
      "post",
    );
    expect(container.textContent).toContain("First name");
  });
});

describe("FormRenderer validation", () => {
  test("next with missing answer shows summary", () => {
    renderForm();

    fireEvent.click(screen.getByRole("button", { name: "Next" }));

    const summary = screen.getByRole("group", { name: "There is a problem" });
    expect(document.activeElement).toBe(summary);
    expect(summary.textContent).toContain("First name: ");
    const input = screen.getByRole("textbox", { name: /First name/ });
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByRole("heading", { name: /About you/ })).toBeTruthy();
  });

  test("summary link focuses the field", () => {
    renderForm();
    fireEvent.click(screen.getByRole("button", { name: "Next" }));

    fireEvent.click(screen.getByRole("link", { name: /First name/ }));

    const input = screen.getByRole("textbox", { name: /First name/ });
    expect(document.activeElement).toBe(input);
  });

  test("blur shows error and fixing clears it", () => {
    renderForm();
    const email = screen.getByRole("textbox", { name: "Email" });

    fireEvent.change(email, { target: { value: "ana@" } });
    fireEvent.blur(email);
    expect(email.getAttribute("aria-invalid")).toBe("true");

    fireEvent.change(email, { target: { value: "ana@example.com" } });
    expect(email.getAttribute("aria-invalid")).toBeNull();
  });

  test("blur on untouched field shows no error", () => {
    renderForm();
    const input = screen.getByRole("textbox", { name: /First name/ });

    fireEvent.blur(input);

    expect(input.getAttribute("aria-invalid")).toBeNull();
  });

  test("next on valid page focuses next heading", () => {
    renderForm();

    fillFirstPage();

    const heading = screen.getByRole("heading", { name: /Page 2 of 2/ });
    expect(heading.textContent).toContain("Consent");
    expect(document.activeElement).toBe(heading);
  });

  test("back keeps the answers", () => {
    renderForm();
    fillFirstPage();

    fireEvent.click(screen.getByRole("button", { name: "Back" }));

    const input = screen.getByRole("textbox", { name: /First name/ });
    expect((input as HTMLInputElement).value).toBe("Ana");
  });
});

describe("FormRenderer submit", () => {
  test("submit sends answers once and confirms", async () => {
    let resolve: (value: unknown) => void = () => {};
    submit.mockReturnValue(new Promise((r) => (resolve = r)));
    renderForm();
    fillFirstPage();
    openReview("No");

    const button = screen.getByRole("button", { name: "Submit" });
    fireEvent.click(button);
    fireEvent.click(button);
    await settle();

    expect(button.getAttribute("aria-disabled")).toBe("true");
    expect(submit).toHaveBeenCalledTimes(1);
    expect(submit.mock.calls[0]?.[0]).toEqual({
      slug: "new-patient-demo",
      versionId: "version1",
      visitorId: "visitor-0001",
      submissionKey: expect.stringMatching(/^[A-Za-z0-9_-]{8,128}$/),
      answers: { firstName: "Ana", smoker: false },
    });

    resolve({ submissionId: "s1", reference: "K7QX2M" });
    await settle();

    const heading = screen.getByRole("heading", { name: /answers were sent/ });
    expect(document.activeElement).toBe(heading);
    expect(screen.getByText("K7QX2M")).toBeTruthy();
  });

  test("retry reuses the submission key", async () => {
    submit.mockRejectedValueOnce(new Error("connection lost"));
    submit.mockResolvedValueOnce({ submissionId: "s1", reference: "K7QX2M" });
    renderForm();
    fillFirstPage();
    openReview("Yes");

    fireEvent.click(screen.getByRole("button", { name: "Submit" }));
    await settle();
    expect(screen.getByRole("alert").textContent).toContain(
      "could not be sent",
    );
    fireEvent.click(screen.getByRole("button", { name: "Submit" }));
    await settle();

    expect(submit).toHaveBeenCalledTimes(2);
    const [first, second] = submit.mock.calls.map((call) => call[0]);
    expect(second.submissionKey).toBe(first.submissionKey);
    expect(screen.getByText("K7QX2M")).toBeTruthy();
  });

  test("server field errors open their page", async () => {
    submit.mockRejectedValue(
      new ConvexError({
        kind: "invalidAnswers",
        message: "Some answers are invalid.",
        fieldErrors: {
          firstName: { code: "tooLong", message: "Use at most 3 characters" },
        },
      }),
    );
    renderForm();
    fillFirstPage();
    openReview("Yes");

    fireEvent.click(screen.getByRole("button", { name: "Submit" }));
    await settle();

    const input = screen.getByRole("textbox", { name: /First name/ });
    expect(input.getAttribute("aria-invalid")).toBe("true");
    const summary = screen.getByRole("group", { name: "There is a problem" });
    expect(summary.textContent).toContain("Use at most 3 characters");
    expect(document.activeElement).toBe(summary);
  });

  test("server size error points at the answer", async () => {
    submit.mockRejectedValue(
      new ConvexError({
        kind: "answersTooLarge",
        message: "The answers take too many bytes.",
        maxBytes: 524_288,
        fieldErrors: {
          firstName: {
            code: "tooLarge",
            message: "Shorten this answer, because all answers are too large.",
          },
        },
      }),
    );
    renderForm();
    fillFirstPage();
    openReview("Yes");

    fireEvent.click(screen.getByRole("button", { name: "Submit" }));
    await settle();

    const input = screen.getByRole("textbox", { name: /First name/ });
    expect(input.getAttribute("aria-invalid")).toBe("true");
    const summary = screen.getByRole("group", { name: "There is a problem" });
    expect(summary.textContent).toContain("First name: Shorten this answer");
    expect(document.activeElement).toBe(summary);
  });

  test("answers too large together stay unsent", () => {
    // 120 answers of 5,000 characters take over 512 KiB together, though
    // each fits its own field.
    const ids = Array.from({ length: 120 }, (_, index) => `note${index}`);
    const large = {
      ...form,
      definition: {
        title: "Notes",
        pages: [
          {
            id: "notes",
            title: "Notes",
            fields: ids.map((id) => ({ type: "longText", id, label: id })),
          },
        ],
      },
    } as unknown as PublishedForm;
    const { container } = render(
      <FormRenderer form={large} visitorId="visitor-0001" />,
    );
    const boxes = [...container.querySelectorAll("textarea")];
    for (const box of boxes) {
      fireEvent.change(box, { target: { value: "x".repeat(5000) } });
    }

    fireEvent.click(screen.getByRole("button", { name: "Next" }));

    const summary = screen.getByRole("group", { name: "There is a problem" });
    expect(summary.textContent).toContain("Shorten this answer");
    const marked = boxes.filter(
      (box) => box.getAttribute("aria-invalid") === "true",
    );
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.length).toBeLessThan(boxes.length);
    expect(submit).not.toHaveBeenCalled();
  });

  test.each([
    { kind: "versionMismatch", expected: "updated this form" },
    { kind: "formNotFound", expected: "no longer accepting answers" },
    { kind: "answersTooLarge", expected: "too long to send" },
  ])("server $kind shows a notice", async ({ kind, expected }) => {
    submit.mockRejectedValue(
      new ConvexError({
        kind,
        message: "Server text never shown.",
        fieldErrors: {},
      }),
    );
    renderForm();
    fillFirstPage();
    openReview("Yes");

    fireEvent.click(screen.getByRole("button", { name: "Submit" }));
    await settle();

    const notice = screen.getByRole("alert");
    expect(notice.textContent).toContain(expected);
    expect(notice.textContent).not.toContain("Server text");
    expect(document.activeElement).toBe(notice);
  });
});

describe("FormRenderer review", () => {
  test("review lists answers and takes focus", () => {
    renderForm();
    fillFirstPage();

    openReview("No");

    const heading = screen.getByRole("heading", {
      name: "Review your answers",
    });
    expect(document.activeElement).toBe(heading);
    const terms = screen.getAllByRole("term").map((term) => term.textContent);
    expect(terms).toEqual(["First name", "Do you smoke?"]);
    const values = screen
      .getAllByRole("definition")
      .map((item) => item.textContent)
      .filter((text) => !text?.startsWith("Edit"));
    expect(values).toEqual(["Ana", "No"]);
    expect(screen.getByRole("button", { name: "Submit" })).toBeTruthy();
  });

  test("review shows markup as text", () => {
    renderForm();
    fireEvent.change(screen.getByRole("textbox", { name: /First name/ }), {
      target: { value: "<b>Ana</b>" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Next" }));

    openReview("Yes");

    expect(screen.getByText("<b>Ana</b>")).toBeTruthy();
    expect(document.querySelector("dd b")).toBeNull();
  });

  test("edit opens the field's page", () => {
    renderForm();
    fillFirstPage();
    openReview("Yes");

    fireEvent.click(screen.getByRole("button", { name: "Edit First name" }));

    const input = screen.getByRole("textbox", { name: /First name/ });
    expect(document.activeElement).toBe(input);
    expect(screen.getByRole("heading", { name: /Page 1 of 2/ })).toBeTruthy();
  });
});

describe("FormRenderer draft", () => {
  const key = "intake:draft:form1:version1";

  test("typing saves a draft", async () => {
    vi.useFakeTimers();
    try {
      renderForm();
      fireEvent.change(screen.getByRole("textbox", { name: /First name/ }), {
        target: { value: "Ana" },
      });
      await act(async () => {
        vi.advanceTimersByTime(1000);
      });
    } finally {
      vi.useRealTimers();
    }

    const saved = JSON.parse(localStorage.getItem(key) ?? "null");
    expect(saved?.answers).toEqual({ firstName: "Ana" });
    expect(saved?.submissionKey).toMatch(/^[A-Za-z0-9_-]{8,128}$/);
  });

  test("next saves the draft at once", () => {
    renderForm();

    fillFirstPage();

    const saved = JSON.parse(localStorage.getItem(key) ?? "null");
    expect(saved?.answers).toEqual({ firstName: "Ana" });
  });

  test("saved draft fills the form", () => {
    localStorage.setItem(
      key,
      JSON.stringify({
        answers: { firstName: "Ana" },
        submissionKey: "key-00001",
      }),
    );

    renderForm();

    const input = screen.getByRole("textbox", { name: /First name/ });
    expect((input as HTMLInputElement).value).toBe("Ana");
  });

  test("older version's draft carries over", () => {
    const olderKey = "intake:draft:form1:version0";
    localStorage.setItem(
      olderKey,
      JSON.stringify({
        answers: {
          firstName: "Ana",
          email: "ana@example.com",
          smoker: "sometimes",
          shoeSize: "38",
        },
        submissionKey: "key-00001",
        fieldTypes: {
          firstName: "shortText",
          email: "longText",
          smoker: "yesNo",
          shoeSize: "shortText",
        },
      }),
    );

    renderForm();

    const input = screen.getByRole("textbox", { name: /First name/ });
    expect((input as HTMLInputElement).value).toBe("Ana");
    const email = screen.getByRole("textbox", { name: /Email/ });
    expect((email as HTMLInputElement).value).toBe("");
    expect(screen.getByRole("status").textContent).toContain(
      "updated this form",
    );
    expect(localStorage.getItem(olderKey)).not.toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "Next" }));

    const saved = JSON.parse(localStorage.getItem(key) ?? "null");
    expect(saved?.answers).toEqual({ firstName: "Ana" });
    expect(saved?.submissionKey).toBe("key-00001");
    expect(saved?.fieldTypes?.smoker).toBe("yesNo");
    expect(localStorage.getItem(olderKey)).toBeNull();
  });

  test("empty carry-over keeps older draft", async () => {
    const olderKey = "intake:draft:form1:version0";
    const older = JSON.stringify({
      answers: { shoeSize: "38" },
      submissionKey: "key-00001",
    });
    localStorage.setItem(olderKey, older);
    vi.useFakeTimers();
    try {
      renderForm();
      await act(async () => {
        vi.advanceTimersByTime(1000);
      });
    } finally {
      vi.useRealTimers();
    }

    expect(screen.getByRole("status")).toBeTruthy();
    expect(localStorage.getItem(olderKey)).toBe(older);
  });

  test("live new version keeps fitting answers", () => {
    const view = renderForm();
    fireEvent.change(screen.getByRole("textbox", { name: /First name/ }), {
      target: { value: "Ana" },
    });
    fireEvent.change(screen.getByRole("textbox", { name: /Email/ }), {
      target: { value: "ana@example.com" },
    });
    expect(screen.queryByRole("status")).toBeNull();

    const page = definition.pages[0]!;
    const newVersion = {
      ...form,
      versionId: "version2",
      version: 2,
      definition: {
        ...definition,
        pages: [
          {
            ...page,
            fields: [
              page.fields[0]!,
              { type: "number", id: "email", label: "Email" },
            ],
          },
          definition.pages[1]!,
        ],
      },
    } as unknown as PublishedForm;
    view.rerender(<FormRenderer form={newVersion} visitorId="visitor-0001" />);

    const input = screen.getByRole("textbox", { name: /First name/ });
    expect((input as HTMLInputElement).value).toBe("Ana");
    expect(screen.getByRole("status").textContent).toContain(
      "updated this form",
    );
    fireEvent.click(screen.getByRole("button", { name: "Next" }));
    const saved = JSON.parse(
      localStorage.getItem("intake:draft:form1:version2") ?? "null",
    );
    expect(saved?.answers).toEqual({ firstName: "Ana" });
  });

  test("version mismatch returns to page one", async () => {
    submit.mockRejectedValue(
      new ConvexError({
        kind: "versionMismatch",
        message: "Server text never shown.",
        currentVersionId: "version2",
      }),
    );
    renderForm();
    fillFirstPage();
    openReview("Yes");

    fireEvent.click(screen.getByRole("button", { name: "Submit" }));
    await settle();

    expect(screen.getByRole("heading", { name: /Page 1 of 2/ })).toBeTruthy();
    const input = screen.getByRole("textbox", { name: /First name/ });
    expect((input as HTMLInputElement).value).toBe("Ana");
    expect(screen.getByRole("alert").textContent).toContain(
      "updated this form",
    );
  });

  test("submit reuses key and clears draft", async () => {
    localStorage.setItem(
      key,
      JSON.stringify({
        answers: { firstName: "Ana", smoker: true },
        submissionKey: "key-00001",
      }),
    );
    submit.mockResolvedValue({ submissionId: "s1", reference: "K7QX2M" });
    renderForm();
    fireEvent.click(screen.getByRole("button", { name: "Next" }));
    fireEvent.click(screen.getByRole("button", { name: "Next" }));

    fireEvent.click(screen.getByRole("button", { name: "Submit" }));
    await settle();

    expect(submit.mock.calls[0]?.[0].submissionKey).toBe("key-00001");
    expect(screen.getByText("K7QX2M")).toBeTruthy();
    expect(localStorage.getItem(key)).toBeNull();
  });
});
