import type { Answers } from "../answers/schema";
import type { FormDefinition, Page } from "../definition/schema";
import type { Field, GroupField } from "../fields";
import { isInputField } from "../fields/field-types";
import { evaluateCondition, evaluateWith, type AnswerLookup } from "./evaluate";
import { isPlainObject, VisibilityResolver } from "./resolver";

/**
 * Lists the ids of the fields shown for these answers: top-level fields
 * whose page and `showIf` hold, and `<groupId>.<index>.<fieldId>` for each
 * shown field of each item present in a shown group's answer.
 */
export function visibleFieldIds(
  definition: FormDefinition,
  answers: Readonly<Record<string, unknown>>,
): Set<string> {
  const resolver = new VisibilityResolver(definition, answers);
  const ids = new Set<string>();
  for (const page of definition.pages) {
    for (const field of page.fields) {
      if (!resolver.isFieldVisible(field.id)) {
        continue;
      }
      ids.add(field.id);
      if (field.type === "group") {
        addItemFieldIds(resolver, field, answers[field.id], ids);
      }
    }
  }
  return ids;
}

function addItemFieldIds(
  resolver: VisibilityResolver,
  group: GroupField,
  value: unknown,
  ids: Set<string>,
) {
  if (!Array.isArray(value)) {
    return;
  }
  value.forEach((_item, index) => {
    for (const field of group.fields) {
      if (resolver.isItemFieldVisible(group, index, field)) {
        ids.add(`${group.id}.${index}.${field.id}`);
      }
    }
  });
}

/** Lists the pages shown for these answers, in form order. */
export function visiblePages(
  definition: FormDefinition,
  answers: Readonly<Record<string, unknown>>,
): Page[] {
  const resolver = new VisibilityResolver(definition, answers);
  return definition.pages.filter((_page, index) =>
    resolver.isPageVisible(index),
  );
}

/**
 * Checks whether a field needs an answer: `required` is set, or its
 * `requireIf` holds. Pass answers with hidden fields removed (see
 * `pruneHiddenAnswers`), and for a field inside a group item, that item's
 * answers spread over the form's answers. Visibility is not checked here,
 * and a hidden field is never required.
 */
export function isFieldRequired(
  field: Field,
  answers: Readonly<Record<string, unknown>>,
): boolean {
  if (!isInputField(field)) {
    return false;
  }
  if (field.required === true) {
    return true;
  }
  return (
    field.requireIf !== undefined && evaluateCondition(field.requireIf, answers)
  );
}

/** Checks `required` and `requireIf`, reading answers through `lookup`. */
export function isRequiredWith(field: Field, lookup: AnswerLookup): boolean {
  if (!isInputField(field)) {
    return false;
  }
  if (field.required === true) {
    return true;
  }
  return field.requireIf !== undefined && evaluateWith(field.requireIf, lookup);
}

/**
 * Returns a copy of the answers without the answers of hidden fields, hidden
 * pages' fields and hidden fields of group items. Keys that match no input
 * field stay, so `validateAnswers` still reports them as unknown.
 */
export function pruneHiddenAnswers(
  definition: FormDefinition,
  answers: Answers,
): Answers {
  return pruneRecord(definition, answers) as Answers;
}

/** Prunes any plain record, as `pruneHiddenAnswers` does. */
export function pruneRecord(
  definition: FormDefinition,
  answers: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const resolver = new VisibilityResolver(definition, answers);
  const pruned: Record<string, unknown> = {};
  for (const key of Object.keys(answers)) {
    const field = resolver.field(key);
    let value = answers[key];
    if (field !== undefined && isInputField(field)) {
      if (!resolver.isFieldVisible(key)) {
        continue;
      }
      if (field.type === "group") {
        value = pruneItems(resolver, field, value);
      }
    }
    setOwn(pruned, key, value);
  }
  return pruned;
}

function pruneItems(
  resolver: VisibilityResolver,
  group: GroupField,
  value: unknown,
): unknown {
  if (!Array.isArray(value)) {
    return value;
  }
  return value.map((item: unknown, index) => {
    if (!isPlainObject(item)) {
      return item;
    }
    const kept: Record<string, unknown> = {};
    for (const key of Object.keys(item)) {
      const field = group.fields.find((candidate) => candidate.id === key);
      const hidden =
        field !== undefined &&
        isInputField(field) &&
        !resolver.isItemFieldVisible(group, index, field);
      if (!hidden) {
        setOwn(kept, key, item[key]);
      }
    }
    return kept;
  });
}

/** Sets a key with defineProperty, so "__proto__" stays an own property. */
export function setOwn(
  record: Record<string, unknown>,
  key: string,
  value: unknown,
) {
  Object.defineProperty(record, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}
