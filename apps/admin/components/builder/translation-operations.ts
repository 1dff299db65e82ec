import type {
  FieldTranslation,
  FormDefinition,
  TranslationTable,
} from "@intake/form-schema";

/**
 * Pure edits of a draft's Spanish translation. Blank text is dropped, and
 * so is a field, table or `translations` entry left empty, so a draft
 * keeps no empty translation objects.
 */

/** Returns the Spanish text of the field with this id, if any. */
export function fieldTranslation(
  definition: FormDefinition,
  fieldId: string,
): FieldTranslation | undefined {
  const fields = definition.translations?.es?.fields;
  return fields !== undefined && Object.hasOwn(fields, fieldId)
    ? fields[fieldId]
    : undefined;
}

/** Replaces the Spanish text of the field with this id. */
export function setFieldTranslation(
  definition: FormDefinition,
  fieldId: string,
  translation: FieldTranslation,
): FormDefinition {
  const fields = { ...definition.translations?.es?.fields };
  const nonBlank = withoutBlankText(translation);
  if (Object.keys(nonBlank).length === 0) {
    delete fields[fieldId];
  } else {
    fields[fieldId] = nonBlank;
  }
  return withSpanishFields(definition, fields);
}

/**
 * Moves the Spanish text of a field to its new id, so renaming the answer
 * key keeps the translation.
 */
export function moveFieldTranslation(
  definition: FormDefinition,
  fromId: string,
  toId: string,
): FormDefinition {
  const translation = fieldTranslation(definition, fromId);
  if (translation === undefined || fromId === toId) return definition;
  const fields = { ...definition.translations?.es?.fields };
  delete fields[fromId];
  fields[toId] = translation;
  return withSpanishFields(definition, fields);
}

/**
 * Sets the Spanish title or description of the form. Blank text removes
 * it, so the English shows.
 */
export function setFormTranslation(
  definition: FormDefinition,
  key: "title" | "description",
  text: string,
): FormDefinition {
  const { [key]: _previous, ...rest } = definition.translations?.es ?? {};
  const table: TranslationTable =
    text.trim() === "" ? rest : { ...rest, [key]: text };
  return withSpanishTable(definition, table);
}

/** Sets the Spanish title of a page. Blank text removes it. */
export function setPageTranslation(
  definition: FormDefinition,
  pageId: string,
  title: string,
): FormDefinition {
  const { pages: previous, ...rest } = definition.translations?.es ?? {};
  const pages = { ...previous };
  if (title.trim() === "") {
    delete pages[pageId];
  } else {
    pages[pageId] = { title };
  }
  const table: TranslationTable =
    Object.keys(pages).length === 0 ? rest : { ...rest, pages };
  return withSpanishTable(definition, table);
}

/**
 * Removes the Spanish text of these pages and fields, so deleting a page
 * or field leaves no translation that names it.
 */
export function dropTranslations(
  definition: FormDefinition,
  removed: { pageIds?: readonly string[]; fieldIds: readonly string[] },
): FormDefinition {
  const spanish = definition.translations?.es;
  if (spanish === undefined) return definition;

  const fields = { ...spanish.fields };
  const pages = { ...spanish.pages };
  for (const id of removed.fieldIds) delete fields[id];
  for (const id of removed.pageIds ?? []) delete pages[id];

  const { pages: _previous, ...table } = spanish;
  const remaining: TranslationTable =
    Object.keys(pages).length === 0 ? table : { ...table, pages };
  return withSpanishFields(
    {
      ...definition,
      translations: { ...definition.translations, es: remaining },
    },
    fields,
  );
}

function withoutBlankText(translation: FieldTranslation): FieldTranslation {
  const nonBlank: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(translation)) {
    if (typeof value === "string" && value.trim() === "") continue;
    if (value === undefined) continue;
    nonBlank[key] = value;
  }
  return nonBlank as FieldTranslation;
}

function withSpanishFields(
  definition: FormDefinition,
  fields: NonNullable<TranslationTable["fields"]>,
): FormDefinition {
  const { fields: _previous, ...table } = definition.translations?.es ?? {};
  return withSpanishTable(
    definition,
    Object.keys(fields).length === 0 ? table : { ...table, fields },
  );
}

/** Replaces the Spanish table, dropping `translations` when it is empty. */
function withSpanishTable(
  definition: FormDefinition,
  spanish: TranslationTable,
): FormDefinition {
  const { translations: _old, ...rest } = definition;
  if (Object.keys(spanish).length === 0) return rest;
  return { ...rest, translations: { ...definition.translations, es: spanish } };
}
