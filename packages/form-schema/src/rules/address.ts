import { LIMITS } from "../fields/limits";
import type { FieldError } from "./field-error";
import {
  addressPartLineBreakError,
  addressPartMissingError,
  addressPartTooLongError,
  invalidPostalCodeError,
  invalidTypeError,
  requiredError,
} from "./messages";

const POSTAL_CODE = /^[A-Za-z0-9 -]+$/;
const LINE_BREAK = /[\r\n]/;

/** Address parts in display order, with the words messages use for them. */
const ADDRESS_PARTS = [
  { key: "line1", name: "street address", needed: true },
  { key: "line2", name: "second address line", needed: false },
  { key: "city", name: "city", needed: true },
  { key: "region", name: "state or region", needed: true },
  { key: "postalCode", name: "postal code", needed: true },
] as const;

const PART_KEYS = new Set<string>(ADDRESS_PARTS.map((part) => part.key));

/**
 * Validates an address answer. An address with every part blank is no
 * answer. A partly filled one needs the first line, city, region and postal
 * code even when the field is optional, because staff cannot use half an
 * address.
 */
export function checkAddress(
  value: unknown,
  required: boolean,
): FieldError | null {
  if (!isAddressShape(value)) {
    return invalidTypeError("address");
  }
  const parts = ADDRESS_PARTS.map((part) => ({
    ...part,
    text: value[part.key] ?? "",
  }));
  // Caps apply before the blank check so a stored value stays bounded.
  for (const part of parts) {
    const maxLength =
      part.key === "postalCode"
        ? LIMITS.postalCodeMaxLength
        : LIMITS.addressPartLength;
    if (part.text.length > maxLength) {
      return addressPartTooLongError(part.name, maxLength);
    }
  }
  if (parts.every((part) => part.text.trim() === "")) {
    return required ? requiredError("address") : null;
  }

  for (const part of parts) {
    if (LINE_BREAK.test(part.text)) {
      return addressPartLineBreakError(part.name);
    }
  }
  for (const part of parts) {
    if (part.needed && part.text.trim() === "") {
      return addressPartMissingError(part.name);
    }
  }

  const postalCode = value.postalCode.trim();
  const tooShort = postalCode.length < LIMITS.postalCodeMinLength;
  if (tooShort || !POSTAL_CODE.test(postalCode)) {
    return invalidPostalCodeError();
  }
  return null;
}

type AddressShape = {
  line1: string;
  line2?: string;
  city: string;
  region: string;
  postalCode: string;
};

function isAddressShape(value: unknown): value is AddressShape {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return false;
  }
  const record = value as Record<string, unknown>;
  if (Object.keys(record).some((key) => !PART_KEYS.has(key))) {
    return false;
  }
  return ADDRESS_PARTS.every((part) => {
    const text = record[part.key];
    return typeof text === "string" || (!part.needed && text === undefined);
  });
}
