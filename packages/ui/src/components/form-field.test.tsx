import type { AnswerValue, Field } from "@intake/form-schema";
import { fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, test, vi } from "vitest";

import { FormField, fieldControlId } from "./form-field";

const options = [
  { value: "red", label: "Red" },
  { value: "green", label: "Green" },
  { value: "blue", label: "Blue" },
];

const manyOptions = Array.from({ length: 9 }, (_, index) => ({
  value: `option${index}`,
  label: `Option ${index}`,
}));

function renderField(
  field: Field,
  props: {
    value?: AnswerValue;
    error?: string | null;
    onChange?: (value: AnswerValue | undefined) => void;
  } = {},
) {
  const onChange = props.onChange ?? vi.fn();
  const view = render(
    <FormField
      field={field}
      value={props.value}
      error={props.error}
      onChange={onChange}
    />,
  );
  return { ...view, onChange };
}

/** Keeps the answer in state, as the renderer does. */
function StatefulField({
  field,
  onChange,
}: {
  field: Field;
  onChange: (value: AnswerValue | undefined) => void;
}) {
  const [value, setValue] = useState<AnswerValue | undefined>();
  return (
    <FormField
      field={field}
      value={value}
      onChange={(next) => {
        setValue(next);
        onChange(next);
      }}
    />
  );
}

describe("FormField labels", () => {
  test.each<{ description: string; field: Field; role: string }>([
    {
      description: "shortText",
      field: { type: "shortText", id: "name", label: "Full name" },
      role: "textbox",
    },
    {
      description: "longText",
      field: { type: "longText", id: "notes", label: "Full name" },
      role: "textbox",
    },
    {
      description: "email",
      field: { type: "email", id: "email", label: "Full name" },
      role: "textbox",
    },
    {
      description: "phone",
      field: { type: "phone", id: "phone", label: "Full name" },
      role: "textbox",
    },
    {
      description: "number",
      field: { type: "number", id: "age", label: "Full name" },
      role: "textbox",
    },
    {
      description: "singleChoice with many options",
      field: {
        type: "singleChoice",
        id: "pick",
        label: "Full name",
        options: manyOptions,
      },
      role: "combobox",
    },
    {
      description: "consent",
      field: { type: "consent", id: "agree", label: "Full name" },
      role: "checkbox",
    },
  ])("$description input is labelled", ({ field, role }) => {
    renderField(field);

    const control = screen.getByRole(role, { name: /Full name|I agree/ });
    expect(control.id).toBe(fieldControlId(field.id));
  });

  test("date input is labelled", () => {
    renderField({ type: "date", id: "dob", label: "Date of birth" });

    const input = screen.getByLabelText("Date of birth");
    expect(input.getAttribute("type")).toBe("date");
  });

  test.each<{ description: string; field: Field }>([
    {
      description: "singleChoice",
      field: { type: "singleChoice", id: "colour", label: "Colour", options },
    },
    {
      description: "multipleChoice",
      field: { type: "multipleChoice", id: "colour", label: "Colour", options },
    },
    {
      description: "yesNo",
      field: { type: "yesNo", id: "colour", label: "Colour" },
    },
    {
      description: "consent",
      field: { type: "consent", id: "colour", label: "Colour" },
    },
  ])("$description group is named by its legend", ({ field }) => {
    renderField(field);

    expect(screen.getByRole("group", { name: "Colour" })).toBeTruthy();
  });

  test("required field says so in its name", () => {
    renderField({
      type: "shortText",
      id: "name",
      label: "Full name",
      required: true,
    });

    const input = screen.getByRole("textbox", { name: "Full name (required)" });
    expect(input.getAttribute("aria-required")).toBe("true");
  });
});

describe("FormField errors", () => {
  const field: Field = { type: "email", id: "email", label: "Email" };
  const message = "Enter an email address like name@example.com";

  test("error describes the input", () => {
    renderField(field, { error: message });

    const input = screen.getByRole("textbox", { name: "Email" });
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByRole("textbox", { description: /Enter an email/ })).toBe(
      input,
    );
  });

  test("error region is live before any error", () => {
    const { rerender } = renderField(field, { error: null });
    const input = screen.getByRole("textbox", { name: "Email" });
    const regionId = input.getAttribute("aria-describedby") ?? "";
    const region = document.getElementById(regionId);

    expect(region?.getAttribute("aria-live")).toBe("polite");
    expect(region?.textContent).toBe("");
    expect(input.getAttribute("aria-invalid")).toBeNull();

    rerender(
      <FormField field={field} value="" error={message} onChange={vi.fn()} />,
    );

    expect(document.getElementById(regionId)).toBe(region);
    expect(region?.textContent).toContain(message);
  });

  test("help and error both describe the input", () => {
    renderField(
      { ...field, help: "We send your appointment reminders here" },
      { error: message },
    );

    const input = screen.getByRole("textbox", { name: "Email" });
    const ids = (input.getAttribute("aria-describedby") ?? "").split(" ");
    const texts = ids.map((id) => document.getElementById(id)?.textContent);
    expect(texts).toHaveLength(2);
    expect(texts[0]).toBe("We send your appointment reminders here");
    expect(texts[1]).toContain(message);
  });

  test("group error describes the fieldset", () => {
    renderField(
      { type: "yesNo", id: "smoker", label: "Do you smoke?" },
      { error: "Select yes or no" },
    );

    const group = screen.getByRole("group", { name: "Do you smoke?" });
    expect(screen.getByRole("group", { description: /Select yes or no/ })).toBe(
      group,
    );
    expect(screen.getByRole("radio", { name: "Yes" }).ariaInvalid).toBe("true");
  });
});

describe("FormField answers", () => {
  test.each<{ typed: string; expected: AnswerValue | undefined }>([
    { typed: "42", expected: 42 },
    { typed: "-1.5", expected: -1.5 },
    { typed: "abc", expected: "abc" },
    { typed: "0x10", expected: "0x10" },
    { typed: "", expected: undefined },
  ])("number typed $typed gives $expected", ({ typed, expected }) => {
    const onChange = vi.fn();
    render(
      <StatefulField
        field={{ type: "number", id: "age", label: "Age" }}
        onChange={onChange}
      />,
    );
    const input = screen.getByRole("textbox", { name: "Age" });

    fireEvent.change(input, { target: { value: "7" } });
    fireEvent.change(input, { target: { value: typed } });

    expect(onChange).toHaveBeenLastCalledWith(expected);
    expect((input as HTMLInputElement).value).toBe(typed);
  });

  test("number keeps a trailing decimal point", () => {
    render(
      <StatefulField
        field={{ type: "number", id: "weight", label: "Weight" }}
        onChange={vi.fn()}
      />,
    );
    const input = screen.getByRole("textbox", { name: "Weight" });

    fireEvent.change(input, { target: { value: "70." } });

    expect((input as HTMLInputElement).value).toBe("70.");
  });

  test("multipleChoice keeps option order", () => {
    const onChange = vi.fn();
    render(
      <StatefulField
        field={{ type: "multipleChoice", id: "c", label: "Colours", options }}
        onChange={onChange}
      />,
    );

    fireEvent.click(screen.getByRole("checkbox", { name: "Blue" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Red" }));

    expect(onChange).toHaveBeenLastCalledWith(["red", "blue"]);
  });

  test.each([
    { label: "Yes", expected: true },
    { label: "No", expected: false },
  ])("yesNo $label gives $expected", ({ label, expected }) => {
    const { onChange } = renderField({
      type: "yesNo",
      id: "smoker",
      label: "Do you smoke?",
    });

    fireEvent.click(screen.getByRole("radio", { name: label }));

    expect(onChange).toHaveBeenCalledWith(expected);
  });

  test("select placeholder clears the answer", () => {
    const { onChange } = renderField(
      {
        type: "singleChoice",
        id: "pick",
        label: "Pick",
        options: manyOptions,
      },
      { value: "option2" },
    );

    fireEvent.change(screen.getByRole("combobox", { name: "Pick" }), {
      target: { value: "" },
    });

    expect(onChange).toHaveBeenCalledWith(undefined);
  });

  test("consent checkbox gives a boolean", () => {
    const { onChange } = renderField({
      type: "consent",
      id: "agree",
      label: "Consent to treatment",
      statement: "I agree to be treated.",
    });

    const box = screen.getByRole("checkbox", { name: "I agree" });
    fireEvent.click(box);

    expect(onChange).toHaveBeenCalledWith(true);
    expect(
      screen.getByRole("checkbox", { description: "I agree to be treated." }),
    ).toBe(box);
  });
});

describe("FormField static fields", () => {
  test("heading shows markup as text", () => {
    renderField({
      type: "heading",
      id: "h",
      label: "Heading",
      text: "<b>Allergies</b>",
    });

    const heading = screen.getByRole("heading", { level: 3 });
    expect(heading.textContent).toBe("<b>Allergies</b>");
    expect(heading.querySelector("b")).toBeNull();
  });

  test("paragraph takes no input", () => {
    const { container } = renderField({
      type: "paragraph",
      id: "p",
      label: "Intro",
      text: "Please arrive early.",
    });

    expect(screen.getByText("Please arrive early.")).toBeTruthy();
    expect(container.querySelector("input, textarea, select")).toBeNull();
  });
});
