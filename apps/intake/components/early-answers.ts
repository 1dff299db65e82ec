import {
  inputFields,
  type Answers,
  type AnswerValue,
  type FormDefinition,
  type InputField,
} from "@intake/form-schema";

/**
 * Reads answers that the patient entered into the server-rendered form
 * before React hydrated it. Hydration resets every controlled input to its
 * state, so without this the text typed on a slow phone would vanish.
 * Returns `{}` outside the browser and for controls not in the page.
 */
export function readEarlyAnswers(definition: FormDefinition): Answers {
  if (typeof document === "undefined") return {};

  const answers: Answers = {};
  for (const field of inputFields(definition)) {
    const value = readControls(field, controlsNamed(field.id));
    if (value !== undefined) answers[field.id] = value;
  }
  return answers;
}

type FormControl = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function controlsNamed(name: string): FormControl[] {
  return Array.from(document.getElementsByName(name)).filter(
    (element): element is FormControl =>
      element instanceof HTMLInputElement ||
      element instanceof HTMLSelectElement ||
      element instanceof HTMLTextAreaElement,
  );
}

function readControls(
  field: InputField,
  controls: FormControl[],
): AnswerValue | undefined {
  const checked = controls.filter(
    (control) => control instanceof HTMLInputElement && control.checked,
  );
  const text = controls[0]?.value ?? "";

  switch (field.type) {
    // These controls hold no answer in the server-rendered page, or one
    // that a name lookup cannot read, such as a file input's fake path.
    case "address":
    case "signature":
    case "file":
    case "group":
      return undefined;
    case "multipleChoice":
      return checked.length > 0 ? checked.map((c) => c.value) : undefined;
    case "yesNo":
      if (checked[0] === undefined) return undefined;
      return checked[0].value === "yes";
    case "consent":
      return checked.length > 0 ? true : undefined;
    case "singleChoice":
      if (controls[0] instanceof HTMLSelectElement) return text || undefined;
      return checked[0]?.value;
    case "number":
      return parseNumberText(text);
    default:
      return text === "" ? undefined : text;
  }
}

// The same plain decimal notation that the number input accepts.
const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)$/;

function parseNumberText(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  return DECIMAL.test(trimmed) ? Number(trimmed) : text;
}
