import { z } from "zod";

import { addressFieldSchema } from "./address";
import {
  multipleChoiceFieldSchema,
  singleChoiceFieldSchema,
  yesNoFieldSchema,
} from "./choice";
import { consentFieldSchema } from "./consent";
import { dateFieldSchema } from "./date";
import { fileFieldSchema } from "./file";
import { numberFieldSchema } from "./number";
import { signatureFieldSchema } from "./signature";
import { headingFieldSchema, paragraphFieldSchema } from "./static";
import {
  emailFieldSchema,
  longTextFieldSchema,
  phoneFieldSchema,
  shortTextFieldSchema,
} from "./text";

/** Every field schema except the repeating group's. */
export const itemFieldSchemas = [
  shortTextFieldSchema,
  longTextFieldSchema,
  emailFieldSchema,
  phoneFieldSchema,
  dateFieldSchema,
  numberFieldSchema,
  singleChoiceFieldSchema,
  multipleChoiceFieldSchema,
  yesNoFieldSchema,
  consentFieldSchema,
  addressFieldSchema,
  signatureFieldSchema,
  fileFieldSchema,
  headingFieldSchema,
  paragraphFieldSchema,
] as const;

/** A field that may appear inside a repeating group: any field but a group. */
export const itemFieldSchema = z.discriminatedUnion("type", itemFieldSchemas);
