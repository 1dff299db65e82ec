import type {
  Field,
  FieldType,
  FormDefinition,
  Page,
} from "@intake/form-schema";

import { defaultField } from "./field-defaults";
import {
  dropTranslations,
  moveFieldTranslation,
} from "./translation-operations";

/**
 * Pure edits of a draft definition. Each returns a new definition and keeps
 * every untouched page and field object identical, so memoized rows and
 * preview fields skip rendering when their field did not change.
 */

/** The page and position of a field in a definition. */
export interface FieldLocation {
  pageIndex: number;
  fieldIndex: number;
}

/** Finds a field by id, or returns null. */
export function locateField(
  definition: FormDefinition,
  fieldId: string,
): FieldLocation | null {
  for (const [pageIndex, page] of definition.pages.entries()) {
    const fieldIndex = page.fields.findIndex((field) => field.id === fieldId);
    if (fieldIndex !== -1) return { pageIndex, fieldIndex };
  }
  return null;
}

/** Returns the field with this id, or undefined. */
export function findField(
  definition: FormDefinition,
  fieldId: string,
): Field | undefined {
  const location = locateField(definition, fieldId);
  if (location === null) return undefined;
  return definition.pages[location.pageIndex]?.fields[location.fieldIndex];
}

/** Lists every field id in use, nested group fields included. */
export function allFieldIds(definition: FormDefinition): Set<string> {
  const ids = new Set<string>();
  for (const page of definition.pages) {
    for (const field of page.fields) {
      ids.add(field.id);
      for (const nested of nestedFields(field)) ids.add(nested.id);
    }
  }
  return ids;
}

/** Returns the item fields of a repeating group, or none for other fields. */
export function nestedFields(field: Field): Field[] {
  const fields = (field as { fields?: unknown }).fields;
  return Array.isArray(fields) ? (fields as Field[]) : [];
}

/**
 * Returns `${prefix}${n}` with the smallest n from 1 that is not in
 * `taken`. Field ids must match `FIELD_ID_PATTERN`, so `prefix` starts
 * with a lowercase letter.
 */
export function uniqueId(prefix: string, taken: Set<string>): string {
  let counter = 1;
  while (taken.has(`${prefix}${counter}`)) counter += 1;
  return `${prefix}${counter}`;
}

function replacePage(
  definition: FormDefinition,
  pageIndex: number,
  page: Page,
): FormDefinition {
  const pages = definition.pages.slice();
  pages[pageIndex] = page;
  return { ...definition, pages };
}

/**
 * Adds a new field of `type` to the page, after `afterFieldId` when it is
 * on that page, else at the end. Returns the definition and the new id.
 */
export function addField(
  definition: FormDefinition,
  pageIndex: number,
  type: FieldType,
  afterFieldId?: string,
): { definition: FormDefinition; fieldId: string } {
  const page = definition.pages[pageIndex];
  if (page === undefined) return { definition, fieldId: "" };

  const fieldId = uniqueId(type, allFieldIds(definition));
  const field = defaultField(type, fieldId);
  const after = page.fields.findIndex((item) => item.id === afterFieldId);
  const fields = page.fields.slice();
  fields.splice(after === -1 ? fields.length : after + 1, 0, field);
  return {
    definition: replacePage(definition, pageIndex, { ...page, fields }),
    fieldId,
  };
}

/** Replaces the field with this id by `update(field)`. */
export function updateField(
  definition: FormDefinition,
  fieldId: string,
  update: (field: Field) => Field,
): FormDefinition {
  const location = locateField(definition, fieldId);
  if (location === null) return definition;

  const page = definition.pages[location.pageIndex] as Page;
  const fields = page.fields.slice();
  fields[location.fieldIndex] = update(fields[location.fieldIndex] as Field);
  return replacePage(definition, location.pageIndex, { ...page, fields });
}

/**
 * Replaces the field with this id by `next`, whose id may differ. Its
 * Spanish text moves to the new id, and the Spanish text of group item
 * fields that `next` no longer has is removed.
 */
export function replaceField(
  definition: FormDefinition,
  fieldId: string,
  next: Field,
): FormDefinition {
  const previous = findField(definition, fieldId);
  if (previous === undefined) return definition;

  const nextItemIds = new Set(nestedFields(next).map((item) => item.id));
  const removedItems = nestedFields(previous)
    .map((item) => item.id)
    .filter((id) => !nextItemIds.has(id));
  const replaced = moveFieldTranslation(
    updateField(definition, fieldId, () => next),
    fieldId,
    next.id,
  );
  return removedItems.length === 0
    ? replaced
    : dropTranslations(replaced, { fieldIds: removedItems });
}

/**
 * Inserts a copy of the field right after it, with a new id and " (copy)"
 * added to its label. Item fields of a group get new ids too.
 */
export function duplicateField(
  definition: FormDefinition,
  fieldId: string,
): { definition: FormDefinition; fieldId: string } {
  const location = locateField(definition, fieldId);
  if (location === null) return { definition, fieldId: "" };

  const page = definition.pages[location.pageIndex] as Page;
  const original = page.fields[location.fieldIndex] as Field;
  const taken = allFieldIds(definition);
  const copyId = uniqueId(original.type, taken);
  taken.add(copyId);
  const copy = structuredClone(original);
  copy.id = copyId;
  copy.label = `${original.label} (copy)`;
  const items = nestedFields(copy);
  for (const item of items) {
    item.id = uniqueId(item.type, taken);
    taken.add(item.id);
  }
  const fields = page.fields.slice();
  fields.splice(location.fieldIndex + 1, 0, copy);
  return {
    definition: replacePage(definition, location.pageIndex, {
      ...page,
      fields,
    }),
    fieldId: copyId,
  };
}

/**
 * Removes the field with this id and the Spanish text of it and of its
 * item fields. Logic that pointed at it is kept.
 */
export function deleteField(
  definition: FormDefinition,
  fieldId: string,
): FormDefinition {
  const location = locateField(definition, fieldId);
  if (location === null) return definition;

  const page = definition.pages[location.pageIndex] as Page;
  const removed = page.fields[location.fieldIndex] as Field;
  const fields = page.fields.filter((field) => field.id !== fieldId);
  return dropTranslations(
    replacePage(definition, location.pageIndex, { ...page, fields }),
    { fieldIds: [fieldId, ...nestedFields(removed).map((item) => item.id)] },
  );
}

/**
 * Moves a field to `toIndex` of the page at `toPageIndex`, counted after
 * the field left its old place. An index past the end appends.
 */
export function moveField(
  definition: FormDefinition,
  fieldId: string,
  toPageIndex: number,
  toIndex: number,
): FormDefinition {
  const location = locateField(definition, fieldId);
  if (location === null || definition.pages[toPageIndex] === undefined) {
    return definition;
  }

  const pages = definition.pages.slice();
  const from = pages[location.pageIndex] as Page;
  const field = from.fields[location.fieldIndex] as Field;
  pages[location.pageIndex] = {
    ...from,
    fields: from.fields.filter((item) => item.id !== fieldId),
  };
  const to = pages[toPageIndex] as Page;
  const fields = to.fields.slice();
  fields.splice(Math.max(0, Math.min(toIndex, fields.length)), 0, field);
  pages[toPageIndex] = { ...to, fields };
  return { ...definition, pages };
}

/**
 * Moves a field one place up (-1) or down (+1). Past the top or bottom of
 * its page it moves to the end of the previous page or the start of the
 * next one, and past the first or last page it stays.
 */
export function moveFieldBy(
  definition: FormDefinition,
  fieldId: string,
  step: -1 | 1,
): FormDefinition {
  const location = locateField(definition, fieldId);
  if (location === null) return definition;

  const { pageIndex, fieldIndex } = location;
  const page = definition.pages[pageIndex] as Page;
  const target = fieldIndex + step;
  if (target >= 0 && target < page.fields.length) {
    return moveField(definition, fieldId, pageIndex, target);
  }
  const otherPage = definition.pages[pageIndex + step];
  if (otherPage === undefined) return definition;
  const index = step === -1 ? otherPage.fields.length : 0;
  return moveField(definition, fieldId, pageIndex + step, index);
}

/** Appends an empty page with a new id. */
export function addPage(definition: FormDefinition): {
  definition: FormDefinition;
  pageId: string;
} {
  const pageId = uniqueId(
    "page",
    new Set(definition.pages.map((page) => page.id)),
  );
  const pages = [...definition.pages, { id: pageId, title: "", fields: [] }];
  return { definition: { ...definition, pages }, pageId };
}

/** Sets the title of the page with this id. */
export function renamePage(
  definition: FormDefinition,
  pageId: string,
  title: string,
): FormDefinition {
  const pageIndex = definition.pages.findIndex((page) => page.id === pageId);
  const page = definition.pages[pageIndex];
  if (page === undefined) return definition;
  return replacePage(definition, pageIndex, { ...page, title });
}

/** Sets or, with `undefined`, removes the showIf condition of a page. */
export function setPageCondition(
  definition: FormDefinition,
  pageId: string,
  showIf: Page["showIf"],
): FormDefinition {
  const pageIndex = definition.pages.findIndex((page) => page.id === pageId);
  const page = definition.pages[pageIndex];
  if (page === undefined) return definition;
  const { showIf: _previous, ...rest } = page;
  return replacePage(
    definition,
    pageIndex,
    showIf === undefined ? rest : { ...rest, showIf },
  );
}

/**
 * Removes the page with this id, its fields and their Spanish text. The
 * last page stays.
 */
export function deletePage(
  definition: FormDefinition,
  pageId: string,
): FormDefinition {
  if (definition.pages.length <= 1) return definition;
  const removed = definition.pages.find((page) => page.id === pageId);
  if (removed === undefined) return definition;

  const pages = definition.pages.filter((page) => page.id !== pageId);
  const fieldIds = removed.fields.flatMap((field) => [
    field.id,
    ...nestedFields(field).map((item) => item.id),
  ]);
  return dropTranslations(
    { ...definition, pages },
    { pageIds: [pageId], fieldIds },
  );
}

/** Moves the page with this id to `toIndex`. */
export function movePage(
  definition: FormDefinition,
  pageId: string,
  toIndex: number,
): FormDefinition {
  const fromIndex = definition.pages.findIndex((page) => page.id === pageId);
  if (fromIndex === -1 || toIndex < 0 || toIndex >= definition.pages.length) {
    return definition;
  }
  const pages = definition.pages.slice();
  const [page] = pages.splice(fromIndex, 1);
  pages.splice(toIndex, 0, page as Page);
  return { ...definition, pages };
}
