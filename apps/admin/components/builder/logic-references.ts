import type { FormDefinition } from "@intake/form-schema";

import { nestedFields } from "./draft-operations";

/** A field or page whose logic names one of the given fields. */
export interface LogicReference {
  /** Id of the field, or of the page for page conditions. */
  fieldId: string;
  label: string;
  property: "showIf" | "requireIf";
}

/** Lists the field ids a condition names, in and/or groups too. */
export function conditionFieldIds(condition: unknown): string[] {
  if (typeof condition !== "object" || condition === null) return [];
  const record = condition as Record<string, unknown>;
  const group = record.all ?? record.any;
  if (Array.isArray(group)) return group.flatMap(conditionFieldIds);
  return typeof record.field === "string" ? [record.field] : [];
}

/**
 * Lists the fields (group item fields included) and pages whose showIf
 * or requireIf names one of `fieldIds`, to warn before those are deleted.
 */
export function logicReferences(
  definition: FormDefinition,
  fieldIds: string[],
): LogicReference[] {
  const targets = new Set(fieldIds);
  const references: LogicReference[] = [];
  const check = (id: string, label: string, owner: object) => {
    for (const property of ["showIf", "requireIf"] as const) {
      const condition = (owner as Record<string, unknown>)[property];
      if (conditionFieldIds(condition).some((name) => targets.has(name))) {
        references.push({ fieldId: id, label, property });
      }
    }
  };
  definition.pages.forEach((page, index) => {
    check(page.id, page.title || `Page ${index + 1}`, page);
    for (const field of page.fields) {
      check(field.id, field.label || field.id, field);
      for (const item of nestedFields(field)) {
        check(item.id, item.label || item.id, item);
      }
    }
  });
  return references;
}
