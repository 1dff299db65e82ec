import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";

import type { FormDefinition } from "../definition/schema";
import type { FieldErrorCode } from "../rules/field-error";
import { newPatientTemplate } from "../templates";
import { newPatientSampleAnswers } from "../templates/new-patient-sample";
import { answersSchema } from "./schema";
import { validateAnswers } from "./validate-answers";

function formWith(field: FormDefinition["pages"][number]["fields"][number]) {
  return {
    title: "Model",
    pages: [{ id: "only", title: "Only", fields: [field] }],
  } satisfies FormDefinition;
}

type SelectionRules = {
  options: string[];
  required: boolean;
  minSelected?: number;
  maxSelected?: number;
};

/** Computes the expected multipleChoice error code, as plainly as possible. */
function selectionModel(
  rules: SelectionRules,
  answer: string[],
): FieldErrorCode | null {
  if (answer.length === 0) {
    return rules.required ? "required" : null;
  }
  const distinct = new Set(answer).size === answer.length;
  const known = answer.every((value) => rules.options.includes(value));
  if (!distinct || !known) {
    return "invalidOption";
  }
  if (rules.minSelected !== undefined && answer.length < rules.minSelected) {
    return "tooShort";
  }
  if (rules.maxSelected !== undefined && answer.length > rules.maxSelected) {
    return "tooLong";
  }
  return null;
}

const selectionCase = fc
  .uniqueArray(fc.constantFrom("a", "b", "c", "d", "e", "f"), {
    minLength: 1,
  })
  .chain((options) =>
    fc.record({
      rules: fc.record(
        {
          options: fc.constant(options),
          required: fc.boolean(),
          minSelected: fc.integer({ min: 0, max: 7 }),
          maxSelected: fc.integer({ min: 1, max: 7 }),
        },
        { requiredKeys: ["options", "required"] },
      ),
      answer: fc.array(
        fc.oneof(fc.constantFrom(...options), fc.constantFrom("x", "")),
        { maxLength: 9 },
      ),
    }),
  );

/** Computes the expected number error code, as plainly as possible. */
function numberModel(
  rules: { min?: number; max?: number; integer?: boolean },
  answer: number,
): FieldErrorCode | null {
  if (!Number.isFinite(answer)) {
    return "invalidType";
  }
  if (rules.integer === true && Math.trunc(answer) !== answer) {
    return "invalidFormat";
  }
  const below = rules.min !== undefined && answer < rules.min;
  const above = rules.max !== undefined && answer > rules.max;
  return below || above ? "outOfRange" : null;
}

const answerValue = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ minLength: 490, maxLength: 5100 }),
  fc.double(),
  fc.boolean(),
  fc.array(fc.string({ maxLength: 12 }), { maxLength: 6 }),
  fc.constant(null),
);

const templateIds = newPatientTemplate.definition.pages.flatMap((page) =>
  page.fields.map((field) => field.id),
);

describe("validateAnswers model", () => {
  test.prop([selectionCase])(
    "multipleChoice matches model",
    ({ rules, answer }) => {
      const definition = formWith({
        id: "pick",
        type: "multipleChoice",
        label: "Pick",
        required: rules.required,
        minSelected: rules.minSelected,
        maxSelected: rules.maxSelected,
        options: rules.options.map((value) => ({ value, label: value })),
      });
      const errors = validateAnswers(definition, { pick: answer });
      expect(errors.pick?.code ?? null).toBe(selectionModel(rules, answer));
    },
  );

  test.prop([
    fc.record(
      {
        min: fc.integer({ min: -50, max: 50 }),
        max: fc.integer({ min: -50, max: 50 }),
        integer: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
    fc.oneof(fc.integer({ min: -60, max: 60 }), fc.double()),
  ])("number matches model", (rules, answer) => {
    const definition = formWith({
      id: "count",
      type: "number",
      label: "Count",
      ...rules,
    });
    const errors = validateAnswers(definition, { count: answer });
    expect(errors.count?.code ?? null).toBe(numberModel(rules, answer));
  });

  test.prop([
    fc.dictionary(
      fc.oneof(fc.constantFrom(...templateIds), fc.string({ maxLength: 8 })),
      answerValue,
      { maxKeys: 6 },
    ),
  ])("accepted answers fit answersSchema", (changes) => {
    const answers = { ...newPatientSampleAnswers, ...changes };
    const errors = validateAnswers(newPatientTemplate.definition, answers);
    for (const key of Object.keys(errors)) {
      expect(templateIds.includes(key) || key in changes).toBe(true);
    }
    if (Object.keys(errors).length === 0) {
      expect(answersSchema.safeParse(answers).success).toBe(true);
    }
  });
});
