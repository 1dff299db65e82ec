import type { FormDefinition, Page } from "../definition/schema";
import type { Field, ItemField } from "../fields";
import type { FieldTranslation, Locale, TranslationTable } from "./translation";

/**
 * Returns a copy of the definition with the text of `locale` where its
 * translation has some, and the English text elsewhere. Ids, option values
 * and rules are unchanged, so answers to the localized form validate
 * against the original. Answer error messages stay in English.
 */
export function localizeDefinition(
  definition: FormDefinition,
  locale: Locale,
): FormDefinition {
  const table = locale === "en" ? undefined : definition.translations?.[locale];
  if (table === undefined) {
    return definition;
  }
  return {
    ...definition,
    title: pick(table.title, definition.title),
    ...(definition.description === undefined
      ? {}
      : { description: pick(table.description, definition.description) }),
    pages: definition.pages.map((page) => localizePage(page, table)),
  };
}

function localizePage(page: Page, table: TranslationTable): Page {
  const pageText = ownEntry(table.pages, page.id);
  return {
    ...page,
    title: pick(pageText?.title, page.title),
    fields: page.fields.map((field) => localizeField(field, table)),
  };
}

function localizeField(field: Field, table: TranslationTable): Field {
  const text = ownEntry(table.fields, field.id);
  if (field.type === "group") {
    return {
      ...localizeCommon(field, text),
      itemLabel: pick(text?.itemLabel, field.itemLabel),
      fields: field.fields.map(
        (itemField) => localizeField(itemField, table) as ItemField,
      ),
    };
  }
  if (text === undefined) {
    return field;
  }
  const localized = localizeCommon(field, text);
  switch (localized.type) {
    case "heading":
    case "paragraph":
      return { ...localized, text: pick(text.text, localized.text) };
    case "consent":
    case "signature":
      return localized.statement === undefined
        ? localized
        : {
            ...localized,
            statement: pick(text.statement, localized.statement),
          };
    case "shortText":
    case "longText":
      return localizeHints(localized, text);
    case "email":
    case "phone":
    case "number":
      return localizePlaceholder(localized, text);
    case "singleChoice":
    case "multipleChoice":
      return {
        ...localized,
        options: localized.options.map((option) => ({
          ...option,
          label: pick(ownEntry(text.options, option.value), option.label),
        })),
      };
    default:
      return localized;
  }
}

function localizeCommon<T extends Field>(
  field: T,
  text: FieldTranslation | undefined,
): T {
  return {
    ...field,
    label: pick(text?.label, field.label),
    ...(field.help === undefined ? {} : { help: pick(text?.help, field.help) }),
  };
}

function localizePlaceholder<T extends { placeholder?: string }>(
  field: T,
  text: FieldTranslation,
): T {
  return field.placeholder === undefined
    ? field
    : { ...field, placeholder: pick(text.placeholder, field.placeholder) };
}

/**
 * Localizes the placeholder and the custom pattern message, so a pattern
 * mismatch found on the localized form reports the translated message.
 */
function localizeHints<
  T extends { placeholder?: string; patternMessage?: string },
>(field: T, text: FieldTranslation): T {
  const localized = localizePlaceholder(field, text);
  return localized.patternMessage === undefined
    ? localized
    : {
        ...localized,
        patternMessage: pick(text.patternMessage, localized.patternMessage),
      };
}

/** Returns the translation unless it is missing or blank. */
function pick(translated: string | undefined, english: string): string {
  return translated === undefined || translated.trim() === ""
    ? english
    : translated;
}

function ownEntry<T>(
  record: Record<string, T> | undefined,
  key: string,
): T | undefined {
  return record !== undefined && Object.hasOwn(record, key)
    ? record[key]
    : undefined;
}
