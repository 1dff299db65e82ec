import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";

import { LIMITS } from "../fields/limits";
import { isAnswers } from "./is-answers";
import { answersSchema } from "./schema";

// Generators build valid answers and break one rule now and then, so that
// both verdicts are common and each cap is tried on both sides.
function sometimesBroken<T, U>(
  valid: fc.Arbitrary<T>,
  broken: fc.Arbitrary<U>,
): fc.Arbitrary<T | U> {
  return fc.oneof(
    { arbitrary: valid, weight: 6 },
    { arbitrary: broken, weight: 1 },
  );
}

function text(...lengths: number[]): fc.Arbitrary<string> {
  return fc.constantFrom(...lengths).map((length) => "x".repeat(length));
}

// Strings up to `max` characters, or a longer string or a non-string.
function textUpTo(max: number): fc.Arbitrary<unknown> {
  return sometimesBroken(
    fc.oneof(text(0, 1, max), fc.string({ maxLength: 4 })),
    fc.oneof(text(max + 1), fc.integer(), fc.constant(null)),
  );
}

// Lists of `item` of length 0, 1, 2 or `max`, or `max + 1`.
function listUpTo(item: fc.Arbitrary<unknown>, max: number) {
  return sometimesBroken(
    fc.oneof(
      fc.array(item, { maxLength: 2 }),
      item.map((value) => Array<unknown>(max).fill(value)),
    ),
    item.map((value) => Array<unknown>(max + 1).fill(value)),
  );
}

// Objects from `shape` that sometimes lack a key or carry an unknown one.
function objectOf(
  shape: Record<string, fc.Arbitrary<unknown>>,
  optionalKeys: string[] = [],
): fc.Arbitrary<Record<string, unknown>> {
  const requiredKeys = Object.keys(shape).filter(
    (key) => !optionalKeys.includes(key),
  );
  const object = fc.record(shape, { requiredKeys });
  return sometimesBroken(
    object,
    fc.oneof(
      object.map((value) => ({ ...value, extra: 1 })),
      fc.tuple(object, fc.constantFrom(...requiredKeys)).map(([value, key]) => {
        const { [key]: _dropped, ...rest } = value;
        return rest;
      }),
    ),
  );
}

const finiteNumber = fc.double({ noNaN: true, noDefaultInfinity: true });

const number = sometimesBroken(
  fc.oneof(finiteNumber, fc.integer()),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, "1"),
);

const key = sometimesBroken(
  fc.constantFrom("name", "dateOfBirth", "a_1", "constructor", "x".repeat(64)),
  fc.constantFrom("x".repeat(65), "Name", "_name", "a.b", "", "1a"),
);

const address = objectOf(
  {
    line1: textUpTo(LIMITS.addressPartLength),
    line2: textUpTo(LIMITS.addressPartLength),
    city: textUpTo(LIMITS.addressPartLength),
    region: textUpTo(LIMITS.addressPartLength),
    postalCode: textUpTo(LIMITS.postalCodeMaxLength),
  },
  ["line2"],
);

const canvasSize = sometimesBroken(
  fc.constantFrom(0.5, 1, 300, LIMITS.signatureCanvasSize),
  fc.constantFrom(0, -0, -1, LIMITS.signatureCanvasSize + 1, Number.NaN, "1"),
);

const signature = objectOf({
  width: canvasSize,
  height: canvasSize,
  // Either the stroke count or one stroke's length is near its cap, never
  // both, to keep the values small.
  strokes: fc.oneof(
    fc.array(fc.array(number, { maxLength: 3 }), { maxLength: 3 }),
    listUpTo(fc.constant([1, 2]), LIMITS.signatureStrokes),
    listUpTo(number, LIMITS.signaturePoints * 2).map((points) => [points]),
  ),
});

const typedSignature = objectOf({
  typedName: textUpTo(LIMITS.typedSignatureLength),
});

const file = objectOf({
  storageId: sometimesBroken(
    text(1, LIMITS.fileTokenLength),
    text(0, LIMITS.fileTokenLength + 1),
  ),
  name: textUpTo(LIMITS.fileNameLength),
  contentType: textUpTo(LIMITS.fileTokenLength),
  size: sometimesBroken(
    fc.constantFrom(0, 1, LIMITS.fileSizeBytes),
    fc.constantFrom(-1, 0.5, LIMITS.fileSizeBytes + 1, "1"),
  ),
});

const itemValue = fc.oneof(
  textUpTo(LIMITS.longTextLength),
  number,
  fc.boolean(),
  listUpTo(textUpTo(LIMITS.optionValueLength), LIMITS.options),
  address,
  signature,
  typedSignature,
  file,
);

const groupItem = sometimesBroken(
  fc.dictionary(key, itemValue, { maxKeys: 3 }),
  fc.constantFrom("x", [], null),
);

// Few answers per value, so that one broken answer is not hidden by another.
const answersLike = fc.oneof(
  {
    arbitrary: fc.dictionary(
      key,
      fc.oneof(itemValue, listUpTo(groupItem, LIMITS.groupItems)),
      { maxKeys: 2 },
    ),
    weight: 4,
  },
  { arbitrary: fc.jsonValue(), weight: 1 },
);

// Checks for an own `__proto__` key at any depth. `answersSchema` drops such
// a key from records, and `isAnswers` rejects the whole value.
function hasProtoKey(value: unknown): boolean {
  if (typeof value !== "object" || value === null) {
    return false;
  }
  if (Object.hasOwn(value, "__proto__")) {
    return true;
  }
  return Object.values(value).some(hasProtoKey);
}

function schemaVerdict(value: unknown): boolean {
  return !hasProtoKey(value) && answersSchema.safeParse(value).success;
}

describe("isAnswers", () => {
  // 5,000 runs took 1.8 s in one run and over 5 s, vitest's default
  // limit, on a busy machine.
  test.prop([answersLike], { numRuns: 5000 })(
    "agrees with answersSchema",
    (value) => {
      expect(isAnswers(value)).toBe(schemaVerdict(value));
    },
    60_000,
  );

  test.prop([answersLike], { numRuns: 500 })(
    "agrees after a JSON round trip",
    (generated) => {
      const value: unknown = JSON.parse(JSON.stringify(generated) ?? "null");
      expect(isAnswers(value)).toBe(schemaVerdict(value));
    },
  );

  it.each([
    { description: "over-large number", text: '{"a":1e400}' },
    {
      description: "proto key in address",
      text: '{"a":{"line1":"","city":"","region":"","postalCode":"","__proto__":""}}',
    },
    { description: "valid answers", text: '{"a":"x","b":[{"c":1}],"d":[]}' },
  ])("JSON text with $description", ({ text }) => {
    const value: unknown = JSON.parse(text);

    expect(isAnswers(value)).toBe(schemaVerdict(value));
  });

  it.each([
    { description: "answers", text: '{"a":"x","__proto__":"y"}' },
    { description: "group item", text: '{"g":[{"a":"x","__proto__":1}]}' },
  ])("proto key in $description is rejected", ({ text }) => {
    const value: unknown = JSON.parse(text);

    expect(answersSchema.safeParse(value).success).toBe(true);
    expect(isAnswers(value)).toBe(false);
  });

  it.each([LIMITS.inputFields, LIMITS.inputFields + 1])(
    "answers with %i keys",
    (count) => {
      const value = Object.fromEntries(
        Array.from({ length: count }, (_, i) => [`k${i}`, true]),
      );

      expect(isAnswers(value)).toBe(answersSchema.safeParse(value).success);
    },
  );
});
