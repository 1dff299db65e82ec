import type { FormDefinition } from "@intake/form-schema";

import { locateField, moveField, movePage } from "./draft-operations";

/**
 * Sortable ids of the outline. Pages and fields share one drag context, so
 * their ids carry a prefix that distinguishes them.
 */
export const fieldDragId = (fieldId: string) => `field:${fieldId}`;
export const pageDragId = (pageId: string) => `page:${pageId}`;

/** Splits a sortable id into its kind and the page or field id. */
export function parseDragId(
  dragId: string | number,
): { kind: "field" | "page"; id: string } | null {
  const text = String(dragId);
  const separator = text.indexOf(":");
  const kind = text.slice(0, separator);
  if (kind !== "field" && kind !== "page") return null;
  return { kind, id: text.slice(separator + 1) };
}

/**
 * Applies a finished drag: a field dropped on a field takes that field's
 * place, on its page if it is on another one. A field dropped on a page
 * moves to the end of that page, and a page dropped on a page takes its
 * place. Other combinations change nothing.
 */
export function applyDrop(
  definition: FormDefinition,
  activeId: string | number,
  overId: string | number | null,
): FormDefinition {
  const active = parseDragId(activeId);
  const over = overId === null ? null : parseDragId(overId);
  if (active === null || over === null || active.id === over.id) {
    return definition;
  }

  if (active.kind === "page") {
    if (over.kind !== "page") return definition;
    const toIndex = definition.pages.findIndex((page) => page.id === over.id);
    return movePage(definition, active.id, toIndex);
  }
  if (over.kind === "page") {
    const pageIndex = definition.pages.findIndex((page) => page.id === over.id);
    const page = definition.pages[pageIndex];
    if (page === undefined) return definition;
    if (page.fields.some((field) => field.id === active.id)) return definition;
    return moveField(definition, active.id, pageIndex, page.fields.length);
  }
  const target = locateField(definition, over.id);
  if (target === null) return definition;
  return moveField(definition, active.id, target.pageIndex, target.fieldIndex);
}
