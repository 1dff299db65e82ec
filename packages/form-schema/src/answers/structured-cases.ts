import type { Field } from "../fields";
import { LIMITS } from "../fields/limits";
import type { FieldErrorCode } from "../rules/field-error";

/** One `validateField` case: a field, an answer and the expected code. */
export type FieldCase = {
  description: string;
  field: Field;
  value: unknown;
  code: FieldErrorCode | null;
};

const address: Field = { id: "home", type: "address", label: "Home" };
const requiredAddress: Field = { ...address, required: true };
const fullAddress = {
  line1: "12 Elm Street",
  city: "Springfield",
  region: "IL",
  postalCode: "62704",
};

const signature: Field = { id: "sign", type: "signature", label: "Sign" };
const requiredSignature: Field = { ...signature, required: true };
const drawn = {
  width: 300,
  height: 100,
  strokes: [[0, 0, 10.5, 20, 300, 100]],
};

const file: Field = { id: "card", type: "file", label: "Card" };
const pdfOnly: Field = {
  ...file,
  accept: ["application/pdf", "image/*"],
  maxSizeBytes: 1000,
};
const upload = {
  storageId: "kg2abc",
  name: "card.jpg",
  contentType: "image/jpeg",
  size: 2048,
};

const pets: Field = {
  id: "pets",
  type: "group",
  label: "Pets",
  itemLabel: "Pet",
  minItems: 2,
  maxItems: 3,
  fields: [
    { id: "petName", type: "shortText", label: "Name", required: true },
    { id: "petAge", type: "number", label: "Age", min: 0 },
  ],
};
const requiredPets: Field = {
  id: "pets",
  type: "group",
  label: "Pets",
  itemLabel: "Pet",
  required: true,
  fields: [{ id: "petName", type: "shortText", label: "Name" }],
};

/** Cases for address, signature, file and group answers. */
export const structuredCases: FieldCase[] = [
  {
    description: "address full",
    field: address,
    value: fullAddress,
    code: null,
  },
  {
    description: "address with line2",
    field: requiredAddress,
    value: { ...fullAddress, line2: "Apt 4" },
    code: null,
  },
  {
    description: "address all blank optional",
    field: address,
    value: { line1: " ", city: "", region: "", postalCode: "" },
    code: null,
  },
  {
    description: "address all blank required",
    field: requiredAddress,
    value: { line1: "", city: "", region: "", postalCode: "" },
    code: "required",
  },
  {
    description: "address missing required",
    field: requiredAddress,
    value: undefined,
    code: "required",
  },
  {
    description: "address partly filled",
    field: address,
    value: { ...fullAddress, city: " " },
    code: "required",
  },
  {
    description: "address extra key",
    field: address,
    value: { ...fullAddress, country: "US" },
    code: "invalidType",
  },
  {
    description: "address missing key",
    field: address,
    value: { line1: "1 A St", city: "B", region: "C" },
    code: "invalidType",
  },
  {
    description: "address number part",
    field: address,
    value: { ...fullAddress, postalCode: 62704 },
    code: "invalidType",
  },
  {
    description: "address as string",
    field: address,
    value: "12 Elm",
    code: "invalidType",
  },
  {
    description: "address line too long",
    field: address,
    value: { ...fullAddress, line1: "x".repeat(201) },
    code: "tooLong",
  },
  {
    description: "address blank but long",
    field: address,
    value: { line1: " ".repeat(201), city: "", region: "", postalCode: "" },
    code: "tooLong",
  },
  {
    description: "address line break",
    field: address,
    value: { ...fullAddress, city: "Spring\nfield" },
    code: "invalidFormat",
  },
  {
    description: "postal code too short",
    field: address,
    value: { ...fullAddress, postalCode: "12" },
    code: "invalidFormat",
  },
  {
    description: "postal code too long",
    field: address,
    value: { ...fullAddress, postalCode: "12345678901" },
    code: "tooLong",
  },
  {
    description: "postal code symbols",
    field: address,
    value: { ...fullAddress, postalCode: "62#04" },
    code: "invalidFormat",
  },
  {
    description: "postal code with space and dash",
    field: address,
    value: { ...fullAddress, postalCode: "SW1A 1AA-2" },
    code: null,
  },
  {
    description: "signature drawn",
    field: requiredSignature,
    value: drawn,
    code: null,
  },
  {
    description: "signature no strokes optional",
    field: signature,
    value: { ...drawn, strokes: [] },
    code: null,
  },
  {
    description: "signature no strokes required",
    field: requiredSignature,
    value: { ...drawn, strokes: [] },
    code: "required",
  },
  {
    description: "signature off canvas",
    field: signature,
    value: { ...drawn, strokes: [[0, 0, 301, 5]] },
    code: "invalidFormat",
  },
  {
    description: "signature negative point",
    field: signature,
    value: { ...drawn, strokes: [[-0.1, 0]] },
    code: "invalidFormat",
  },
  {
    description: "signature unrounded point",
    field: signature,
    value: { ...drawn, strokes: [[1.25, 3]] },
    code: "invalidFormat",
  },
  {
    description: "signature odd stroke",
    field: signature,
    value: { ...drawn, strokes: [[1, 2, 3]] },
    code: "invalidFormat",
  },
  {
    description: "signature empty stroke",
    field: signature,
    value: { ...drawn, strokes: [[]] },
    code: "invalidFormat",
  },
  {
    description: "signature string point",
    field: signature,
    value: { ...drawn, strokes: [["1", 2]] },
    code: "invalidFormat",
  },
  {
    description: "signature too many strokes",
    field: signature,
    value: { ...drawn, strokes: Array.from({ length: 101 }, () => [1, 1]) },
    code: "tooLong",
  },
  {
    description: "signature too many points",
    field: signature,
    value: {
      ...drawn,
      strokes: [Array.from({ length: 10_002 }, () => 1)],
    },
    code: "tooLong",
  },
  {
    description: "signature points at cap",
    field: signature,
    value: {
      ...drawn,
      strokes: [Array.from({ length: 10_000 }, () => 1)],
    },
    code: null,
  },
  {
    description: "signature zero width",
    field: signature,
    value: { ...drawn, width: 0 },
    code: "invalidType",
  },
  {
    description: "signature huge canvas",
    field: signature,
    value: { ...drawn, width: 5000 },
    code: "invalidType",
  },
  {
    description: "signature extra key",
    field: signature,
    value: { ...drawn, color: "blue" },
    code: "invalidType",
  },
  {
    description: "signature typed",
    field: requiredSignature,
    value: { typedName: "María José O'Neill-Núñez" },
    code: null,
  },
  {
    description: "signature typed with joiner",
    field: requiredSignature,
    value: { typedName: "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645" },
    code: null,
  },
  {
    description: "signature typed with variation selector",
    field: requiredSignature,
    value: { typedName: "\u845B\u{E0100}\u98FE" },
    code: null,
  },
  {
    description: "signature typed Mongolian",
    field: requiredSignature,
    value: { typedName: "\u1828\u1820\u180E\u1822" },
    code: null,
  },
  {
    description: "signature typed at cap",
    field: requiredSignature,
    value: { typedName: "x".repeat(LIMITS.typedSignatureLength) },
    code: null,
  },
  {
    description: "signature typed blank required",
    field: requiredSignature,
    value: { typedName: " \u00A0 " },
    code: "required",
  },
  {
    description: "signature typed empty required",
    field: requiredSignature,
    value: { typedName: "" },
    code: "required",
  },
  {
    description: "signature typed blank optional",
    field: signature,
    value: { typedName: "  " },
    code: null,
  },
  {
    description: "signature typed over cap",
    field: requiredSignature,
    value: { typedName: "x".repeat(LIMITS.typedSignatureLength + 1) },
    code: "tooLong",
  },
  ...[
    ["null character", "Ana\u0000"],
    ["line feed", "Ana\nLopez"],
    ["tab", "Ana\tLopez"],
    ["delete", "Ana\u007F"],
    ["C1 control", "Ana\u0085"],
    ["right-to-left override", "\u202EAna"],
    ["right-to-left mark", "Ana\u200F"],
    ["first strong isolate", "\u2068Ana\u2069"],
    ["Arabic letter mark", "Ana\u061C"],
    ["line separator", "Ana\u2028Lopez"],
    ["lone surrogate", "Ana\uD800"],
    ["no letter", "12345"],
    ["zero-width space only", "\u200B"],
    ["zero-width space", "Ana\u200BLopez"],
    ["byte order mark", "\uFEFFAna"],
    ["word joiner", "Ana\u2060"],
    ["soft hyphen", "An\u00ADa"],
    ["tag characters", "Ana\u{E0042}\u{E006F}\u{E0062}"],
    ["interlinear annotation", "Ana\uFFF9Lopez\uFFFB"],
    ["Hangul filler only", "\u3164"],
    ["halfwidth Hangul filler only", "\uFFA0"],
  ].map(([name, typedName]): FieldCase => ({
    description: `signature typed ${name}`,
    field: requiredSignature,
    value: { typedName },
    code: "invalidFormat",
  })),
  {
    description: "signature typed number name",
    field: requiredSignature,
    value: { typedName: 42 },
    code: "invalidType",
  },
  {
    description: "signature typed extra key",
    field: requiredSignature,
    value: { typedName: "Ana", strokes: [] },
    code: "invalidType",
  },
  { description: "file accepted", field: file, value: upload, code: null },
  {
    description: "file type with parameter",
    field: file,
    value: { ...upload, contentType: "Image/PNG; x=1" },
    code: null,
  },
  {
    description: "file wrong type",
    field: file,
    value: { ...upload, contentType: "text/html" },
    code: "fileType",
  },
  {
    description: "file wildcard type",
    field: pdfOnly,
    value: { ...upload, contentType: "image/gif", size: 10 },
    code: null,
  },
  {
    description: "file too large for field",
    field: pdfOnly,
    value: { ...upload, size: 1001 },
    code: "fileTooLarge",
  },
  {
    description: "file over 10 MiB",
    field: file,
    value: { ...upload, size: 10 * 1024 * 1024 + 1 },
    code: "fileTooLarge",
  },
  {
    description: "file at 10 MiB",
    field: file,
    value: { ...upload, size: 10 * 1024 * 1024 },
    code: null,
  },
  {
    description: "file empty storage id",
    field: file,
    value: { ...upload, storageId: "" },
    code: "invalidType",
  },
  {
    description: "file fractional size",
    field: file,
    value: { ...upload, size: 1.5 },
    code: "invalidType",
  },
  {
    description: "file missing name",
    field: file,
    value: { storageId: "kg2abc", contentType: "image/png", size: 1 },
    code: "invalidType",
  },
  {
    description: "file missing required",
    field: { ...file, required: true },
    value: undefined,
    code: "required",
  },
  {
    description: "group valid",
    field: pets,
    value: [{ petName: "Rex", petAge: 3 }, { petName: "Tom" }],
    code: null,
  },
  {
    description: "group empty optional",
    field: pets,
    value: [],
    code: null,
  },
  {
    description: "group too few",
    field: pets,
    value: [{ petName: "Rex" }],
    code: "tooFewItems",
  },
  {
    description: "group too many",
    field: pets,
    value: Array.from({ length: 4 }, () => ({ petName: "Rex" })),
    code: "tooManyItems",
  },
  {
    description: "group item error",
    field: pets,
    value: [{ petName: "Rex" }, { petAge: 2 }],
    code: "required",
  },
  {
    description: "group item not object",
    field: pets,
    value: [{ petName: "Rex" }, "Tom"],
    code: "invalidType",
  },
  {
    description: "group as object",
    field: pets,
    value: {},
    code: "invalidType",
  },
  {
    description: "group required empty",
    field: requiredPets,
    value: [],
    code: "required",
  },
  {
    description: "group item unknown key",
    field: requiredPets,
    value: [{ petName: "Rex", color: "red" }],
    code: "unknownField",
  },
];
