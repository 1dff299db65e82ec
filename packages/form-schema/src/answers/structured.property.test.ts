import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";

import type { FormDefinition } from "../definition/schema";
import type { Field } from "../fields";
import { pruneHiddenAnswers } from "../logic/visibility";
import type { FieldErrorCode } from "../rules/field-error";
import { templates } from "../templates";
import { templateSampleAnswers } from "../templates/samples";
import { answersSchema, type Answers } from "./schema";
import { validateAnswers } from "./validate-answers";

function formWith(field: Field): FormDefinition {
  return {
    title: "Model",
    pages: [{ id: "only", title: "Only", fields: [field] }],
  };
}

type Address = {
  line1: string;
  line2?: string;
  city: string;
  region: string;
  postalCode: string;
};

/** Computes the expected address error code, as plainly as possible. */
function addressModel(
  address: Address,
  required: boolean,
): FieldErrorCode | null {
  const parts = [
    address.line1,
    address.line2 ?? "",
    address.city,
    address.region,
    address.postalCode,
  ];
  const tooLong =
    parts.some((part) => part.length > 200) || address.postalCode.length > 10;
  if (tooLong) {
    return "tooLong";
  }
  if (parts.every((part) => part.trim() === "")) {
    return required ? "required" : null;
  }
  if (parts.some((part) => part.includes("\n") || part.includes("\r"))) {
    return "invalidFormat";
  }
  const needed = [
    address.line1,
    address.city,
    address.region,
    address.postalCode,
  ];
  if (needed.some((part) => part.trim() === "")) {
    return "required";
  }
  const postal = address.postalCode.trim();
  if (postal.length < 3 || !/^[A-Za-z0-9 -]+$/.test(postal)) {
    return "invalidFormat";
  }
  return null;
}

const addressPart = fc.oneof(
  fc.constantFrom("", " ", "12 Elm St", "Apt\n4", "x".repeat(201)),
  fc.string({ maxLength: 12 }),
);
const postalCode = fc.oneof(
  fc.constantFrom("", "62704", "SW1A 1AA", "12", "ab#cd", "12345678901"),
  fc.string({ maxLength: 12 }),
);
const address = fc.record(
  {
    line1: addressPart,
    line2: addressPart,
    city: addressPart,
    region: addressPart,
    postalCode,
  },
  { requiredKeys: ["line1", "city", "region", "postalCode"] },
);

/** Computes the expected signature error code for a 100 by 50 pad. */
function signatureModel(strokes: number[][], required: boolean) {
  if (strokes.length === 0) {
    return required ? "required" : null;
  }
  const points = strokes.reduce((sum, stroke) => sum + stroke.length / 2, 0);
  if (strokes.length > 100 || points > 5000) {
    return "tooLong";
  }
  const inside = strokes.every(
    (stroke) =>
      stroke.length > 0 &&
      stroke.length % 2 === 0 &&
      stroke.every((value, index) => {
        const limit = index % 2 === 0 ? 100 : 50;
        const rounded = Number(value.toFixed(1)) === value;
        return value >= 0 && value <= limit && rounded;
      }),
  );
  return inside ? null : "invalidFormat";
}

const coordinate = fc.oneof(
  fc.integer({ min: -2, max: 120 }).map((tenths) => tenths),
  fc.integer({ min: 0, max: 1000 }).map((tenths) => tenths / 10),
  fc.double({ min: -1, max: 120, noNaN: true }),
);

const ACCEPT = ["image/png", "application/pdf"];
const MAX_SIZE = 5000;

/** Computes the expected file error code for ACCEPT and MAX_SIZE. */
function fileModel(contentType: string, size: number): FieldErrorCode | null {
  const essence = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!ACCEPT.includes(essence)) {
    return "fileType";
  }
  return size > MAX_SIZE ? "fileTooLarge" : null;
}

/** Computes the expected group-level error code. */
function groupModel(
  count: number,
  rules: { required: boolean; minItems?: number; maxItems?: number },
): FieldErrorCode | null {
  if (count === 0) {
    return rules.required ? "required" : null;
  }
  if (count > (rules.maxItems ?? 20)) {
    return "tooManyItems";
  }
  const minItems = rules.minItems ?? (rules.required ? 1 : 0);
  return count < minItems ? "tooFewItems" : null;
}

describe("structured answers model", () => {
  test.prop([address, fc.boolean()])(
    "address matches model",
    (value, required) => {
      const definition = formWith({
        id: "home",
        type: "address",
        label: "Home",
        required,
      });
      const errors = validateAnswers(definition, { home: value });
      expect(errors.home?.code ?? null).toBe(addressModel(value, required));
    },
  );

  test.prop([
    fc.array(fc.array(coordinate, { maxLength: 7 }), { maxLength: 4 }),
    fc.boolean(),
  ])("signature matches model", (strokes, required) => {
    const definition = formWith({
      id: "sign",
      type: "signature",
      label: "Sign",
      required,
    });
    const value = { width: 100, height: 50, strokes };
    const errors = validateAnswers(definition, { sign: value });
    expect(errors.sign?.code ?? null).toBe(signatureModel(strokes, required));
  });

  test.prop([
    fc.constantFrom(
      "image/png",
      "IMAGE/PNG",
      "application/pdf; name=x",
      "image/jpeg",
      "text/html",
      "",
    ),
    fc.integer({ min: 0, max: 12_000 }),
  ])("file matches model", (contentType, size) => {
    const definition = formWith({
      id: "card",
      type: "file",
      label: "Card",
      accept: ACCEPT,
      maxSizeBytes: MAX_SIZE,
    });
    const value = { storageId: "s1", name: "card", contentType, size };
    const errors = validateAnswers(definition, { card: value });
    expect(errors.card?.code ?? null).toBe(fileModel(contentType, size));
  });

  test.prop([
    fc.integer({ min: 0, max: 25 }),
    fc.record(
      {
        required: fc.boolean(),
        minItems: fc.integer({ min: 0, max: 5 }),
        maxItems: fc.integer({ min: 5, max: 20 }),
      },
      { requiredKeys: ["required"] },
    ),
  ])("group count matches model", (count, rules) => {
    const definition = formWith({
      id: "pets",
      type: "group",
      label: "Pets",
      itemLabel: "Pet",
      ...rules,
      fields: [{ id: "petName", type: "shortText", label: "Name" }],
    });
    const items = Array.from({ length: count }, () => ({ petName: "A" }));
    const errors = validateAnswers(definition, { pets: items });
    expect(errors.pets?.code ?? null).toBe(groupModel(count, rules));
  });
});

const structuredValue = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 4 }),
  address,
  fc.record({
    width: fc.constantFrom(300, 0),
    height: fc.constant(100),
    strokes: fc.array(fc.array(coordinate, { maxLength: 6 }), {
      maxLength: 3,
    }),
  }),
  fc.record({
    storageId: fc.constantFrom("s1", ""),
    name: fc.string({ maxLength: 8 }),
    contentType: fc.constantFrom("image/png", "text/html"),
    size: fc.integer({ min: -1, max: 11 * 1024 * 1024 }),
  }),
  fc.array(
    fc.dictionary(fc.constantFrom("petName", "species", "x"), fc.string(), {
      maxKeys: 3,
    }),
    { maxLength: 3 },
  ),
);

describe.each(templates.map((template) => ({ template })))(
  "template $template.id answers",
  ({ template }) => {
    const definition = template.definition;
    const ids = definition.pages.flatMap((page) =>
      page.fields.flatMap((field) =>
        field.type === "group"
          ? [field.id, ...field.fields.map((item) => item.id)]
          : [field.id],
      ),
    );
    const changes = fc.dictionary(
      fc.oneof(fc.constantFrom(...ids), fc.string({ maxLength: 6 })),
      structuredValue,
      { maxKeys: 5 },
    );

    test.prop([changes])("accepted answers fit answersSchema", (change) => {
      const answers = { ...templateSampleAnswers(template.id), ...change };
      const errors = validateAnswers(definition, answers);
      if (Object.keys(errors).length === 0) {
        const pruned = pruneHiddenAnswers(definition, answers as Answers);
        expect(answersSchema.safeParse(pruned).success).toBe(true);
      }
    });

    test.prop([changes])("pruning keeps the result", (change) => {
      const answers = { ...templateSampleAnswers(template.id), ...change };
      const pruned = pruneHiddenAnswers(definition, answers as Answers);
      expect(validateAnswers(definition, pruned)).toEqual(
        validateAnswers(definition, answers),
      );
    });
  },
);
