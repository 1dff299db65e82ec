import type { Field } from "../fields";
import type { DefinitionProblem } from "./problem";
import type { FormDefinition } from "./schema";

/**
 * Lists translations that name a page, field or option the form lacks, or
 * text a field does not show, so stale translations are noticed.
 */
export function translationProblems(
  definition: FormDefinition,
): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const translations = definition.translations ?? {};
  for (const [locale, table] of Object.entries(translations)) {
    if (table === undefined) {
      continue;
    }
    const base = ["translations", locale];
    const pageIds = new Set(definition.pages.map((page) => page.id));
    for (const pageId of Object.keys(table.pages ?? {})) {
      if (!pageIds.has(pageId)) {
        problems.push(
          unknown([...base, "pages", pageId], `no page has the id "${pageId}"`),
        );
      }
    }

    const fields = fieldsById(definition);
    for (const [fieldId, text] of Object.entries(table.fields ?? {})) {
      const path = [...base, "fields", fieldId];
      const field = fields.get(fieldId);
      if (field === undefined) {
        problems.push(unknown(path, `no field has the id "${fieldId}"`));
        continue;
      }
      for (const key of Object.keys(text)) {
        const reason = missingTextReason(field, key);
        if (reason !== null) {
          problems.push(unknown([...path, key], reason));
        }
      }
      const values = new Set(
        "options" in field ? field.options.map((option) => option.value) : [],
      );
      for (const value of Object.keys(text.options ?? {})) {
        if ("options" in field && !values.has(value)) {
          problems.push(
            unknown(
              [...path, "options", value],
              `no option has the value "${value}"`,
            ),
          );
        }
      }
    }
  }
  return problems;
}

function unknown(path: (string | number)[], reason: string): DefinitionProblem {
  return {
    code: "unknownTranslation",
    path,
    message: `Remove this translation or fix its key, because ${reason}.`,
  };
}

function fieldsById(definition: FormDefinition): Map<string, Field> {
  const fields = new Map<string, Field>();
  for (const page of definition.pages) {
    for (const field of page.fields) {
      fields.set(field.id, field);
      if (field.type === "group") {
        for (const itemField of field.fields) {
          fields.set(itemField.id, itemField);
        }
      }
    }
  }
  return fields;
}

/**
 * Returns why a field shows no text under the property a translation
 * names, or null when it shows some. A placeholder or pattern message
 * counts only when the field sets the English one, because the
 * translation replaces it.
 */
function missingTextReason(field: Field, key: string): string | null {
  if (key === "placeholder" || key === "patternMessage") {
    const english = (field as Partial<Record<string, unknown>>)[key];
    return english === undefined
      ? `field "${field.id}" sets no English ${key} to translate`
      : null;
  }
  return showsText(field, key) ? null : `a ${field.type} field has no ${key}`;
}

/** Checks whether a field has the text property a translation names. */
function showsText(field: Field, key: string): boolean {
  switch (key) {
    case "label":
    case "help":
      return true;
    case "statement":
      return field.type === "consent" || field.type === "signature";
    case "text":
      return field.type === "heading" || field.type === "paragraph";
    case "itemLabel":
      return field.type === "group";
    case "options":
      return field.type === "singleChoice" || field.type === "multipleChoice";
    default:
      return false;
  }
}
