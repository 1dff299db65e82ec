import { z } from "zod";

import { fieldIdSchema } from "../fields/common";
import { LIMITS } from "../fields/limits";

/** Locales a form can be shown in. English is the source language. */
export const SUPPORTED_LOCALES = ["en", "es"] as const;

/** A locale a form can be shown in. */
export type Locale = (typeof SUPPORTED_LOCALES)[number];

const label = z.string().max(LIMITS.labelLength).optional();
const textBlock = z.string().max(LIMITS.textBlockLength).optional();
const hint = z.string().max(LIMITS.hintLength).optional();

/**
 * Maximum fields in one Convex object: Convex rejects a document with a
 * larger object ("Object has too many fields"). It bounds the field
 * translations of one locale, so a draft with more fields than that can
 * have only 1024 of them translated.
 */
const MAX_OBJECT_FIELDS = 1024;

/** Limits a record schema to `max` keys. `what` names what the keys are. */
function withMaxKeys<T extends z.ZodType<Record<string, unknown>>>(
  schema: T,
  max: number,
  what: string,
) {
  return schema.refine((record) => Object.keys(record).length <= max, {
    message: `Translations may name at most ${max} ${what}`,
  });
}

/** Translated text of one field, keyed like the field's own properties. */
export const fieldTranslationSchema = z.strictObject({
  label,
  help: textBlock,
  statement: textBlock,
  text: textBlock,
  itemLabel: label,
  placeholder: hint,
  /** Shown in place of the field's `patternMessage` when the pattern fails. */
  patternMessage: hint,
  /** Option labels keyed by the option's stored value. */
  options: withMaxKeys(
    z.record(
      z.string().max(LIMITS.optionValueLength),
      z.string().max(LIMITS.labelLength),
    ),
    LIMITS.options,
    "options of one field",
  ).optional(),
});

/** Translated text of one field. */
export type FieldTranslation = z.infer<typeof fieldTranslationSchema>;

/**
 * The translated text of a form in one language. Text left out, or left
 * blank, shows in English.
 */
export const translationTableSchema = z.strictObject({
  title: label,
  description: textBlock,
  pages: withMaxKeys(
    z.record(z.string().max(LIMITS.idLength), z.strictObject({ title: label })),
    LIMITS.pages,
    "pages",
  ).optional(),
  fields: withMaxKeys(
    z.record(fieldIdSchema, fieldTranslationSchema),
    MAX_OBJECT_FIELDS,
    "fields",
  ).optional(),
});

/** The translated text of a form in one language. */
export type TranslationTable = z.infer<typeof translationTableSchema>;

/** Translations of a form by locale. English is the definition itself. */
export const translationsSchema = z.strictObject({
  es: translationTableSchema.optional(),
});

/** Translations of a form by locale. */
export type Translations = z.infer<typeof translationsSchema>;

/** Checks whether a value is one of `SUPPORTED_LOCALES`. */
export function isSupportedLocale(value: unknown): value is Locale {
  return SUPPORTED_LOCALES.some((locale) => locale === value);
}
