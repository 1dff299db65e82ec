import type {
  ChoiceOption,
  Field,
  FormDefinition,
  Page,
} from "@intake/form-schema";

/** One difference between two form definitions, for the version history. */
export type DefinitionChange =
  | { kind: "titleChanged"; before: string; after: string }
  | { kind: "pageAdded"; pageId: string; title: string }
  | { kind: "pageRemoved"; pageId: string; title: string }
  | { kind: "pageRenamed"; pageId: string; before: string; after: string }
  | { kind: "pagesReordered" }
  | { kind: "fieldAdded"; fieldId: string; label: string; page: string }
  | { kind: "fieldRemoved"; fieldId: string; label: string; page: string }
  | {
      kind: "fieldMoved";
      fieldId: string;
      label: string;
      from: string;
      to: string;
    }
  | { kind: "fieldsReordered"; pageId: string; page: string }
  | {
      kind: "fieldChanged";
      fieldId: string;
      label: string;
      property: string;
      before: unknown;
      after: unknown;
    }
  | { kind: "optionAdded"; fieldId: string; label: string; option: string }
  | { kind: "optionRemoved"; fieldId: string; label: string; option: string }
  | {
      kind: "optionRelabelled";
      fieldId: string;
      label: string;
      value: string;
      before: string;
      after: string;
    }
  | { kind: "optionsReordered"; fieldId: string; label: string }
  | {
      kind: "logicChanged";
      fieldId: string;
      label: string;
      property: "showIf" | "requireIf";
      before: string | null;
      after: string | null;
    };

/** Field keys compared on their own rather than as plain properties. */
const SPECIAL_KEYS = new Set(["id", "options", "showIf", "requireIf"]);

/**
 * Lists what changed from `before` to `after`: the title, pages added,
 * removed, renamed or reordered, fields added, removed, moved between
 * pages or reordered, and per field each changed property, option and
 * logic rule. Fields and pages are matched by id, so a field whose id
 * changed counts as removed and added.
 */
export function diffDefinitions(
  before: FormDefinition,
  after: FormDefinition,
): DefinitionChange[] {
  const changes: DefinitionChange[] = [];
  if (before.title !== after.title) {
    changes.push({
      kind: "titleChanged",
      before: before.title,
      after: after.title,
    });
  }
  changes.push(...pageChanges(before.pages, after.pages));

  const beforeFields = fieldIndex(before);
  const afterFields = fieldIndex(after);
  const labels = labelsOf(before, after);
  for (const [fieldId, entry] of afterFields) {
    const old = beforeFields.get(fieldId);
    if (old === undefined) {
      changes.push({
        kind: "fieldAdded",
        fieldId,
        label: entry.field.label,
        page: entry.pageName,
      });
      continue;
    }
    if (old.pageId !== entry.pageId) {
      changes.push({
        kind: "fieldMoved",
        fieldId,
        label: entry.field.label,
        from: old.pageName,
        to: entry.pageName,
      });
    }
    changes.push(...fieldChanges(old.field, entry.field, labels));
  }
  for (const [fieldId, entry] of beforeFields) {
    if (!afterFields.has(fieldId)) {
      changes.push({
        kind: "fieldRemoved",
        fieldId,
        label: entry.field.label,
        page: entry.pageName,
      });
    }
  }
  changes.push(...orderChanges(before, after));
  return changes;
}

function pageName(page: Page, index: number): string {
  return page.title || `Page ${index + 1}`;
}

function pageChanges(before: Page[], after: Page[]): DefinitionChange[] {
  const changes: DefinitionChange[] = [];
  const beforeById = new Map(before.map((page) => [page.id, page]));
  const afterIds = new Set(after.map((page) => page.id));
  after.forEach((page, index) => {
    const old = beforeById.get(page.id);
    if (old === undefined) {
      changes.push({
        kind: "pageAdded",
        pageId: page.id,
        title: pageName(page, index),
      });
    } else if (old.title !== page.title) {
      changes.push({
        kind: "pageRenamed",
        pageId: page.id,
        before: old.title,
        after: page.title,
      });
    }
  });
  before.forEach((page, index) => {
    if (!afterIds.has(page.id)) {
      changes.push({
        kind: "pageRemoved",
        pageId: page.id,
        title: pageName(page, index),
      });
    }
  });
  const kept = (pages: Page[], others: Set<string>) =>
    pages.filter((page) => others.has(page.id)).map((page) => page.id);
  const beforeOrder = kept(before, afterIds);
  const afterOrder = kept(after, new Set(beforeById.keys()));
  if (beforeOrder.join("\n") !== afterOrder.join("\n")) {
    changes.push({ kind: "pagesReordered" });
  }
  return changes;
}

interface FieldEntry {
  field: Field;
  pageId: string;
  pageName: string;
}

function fieldIndex(definition: FormDefinition): Map<string, FieldEntry> {
  const index = new Map<string, FieldEntry>();
  definition.pages.forEach((page, pageIndex) => {
    for (const field of page.fields) {
      if (index.has(field.id)) continue;
      index.set(field.id, {
        field,
        pageId: page.id,
        pageName: pageName(page, pageIndex),
      });
    }
  });
  return index;
}

/** Maps field ids to labels, newest label first, for logic descriptions. */
function labelsOf(...definitions: FormDefinition[]): Map<string, string> {
  const labels = new Map<string, string>();
  for (const definition of definitions.slice().reverse()) {
    for (const page of definition.pages) {
      for (const field of page.fields) {
        if (!labels.has(field.id)) labels.set(field.id, field.label);
      }
    }
  }
  return labels;
}

function fieldChanges(
  before: Field,
  after: Field,
  labels: Map<string, string>,
): DefinitionChange[] {
  const changes: DefinitionChange[] = [];
  const fieldId = after.id;
  const label = after.label;
  const beforeRecord = before as Record<string, unknown>;
  const afterRecord = after as Record<string, unknown>;
  const keys = new Set([
    ...Object.keys(beforeRecord),
    ...Object.keys(afterRecord),
  ]);
  for (const property of keys) {
    if (SPECIAL_KEYS.has(property)) continue;
    const old = beforeRecord[property];
    const next = afterRecord[property];
    if (!sameValue(old, next)) {
      changes.push({
        kind: "fieldChanged",
        fieldId,
        label,
        property,
        before: old,
        after: next,
      });
    }
  }
  changes.push(
    ...optionChanges(
      fieldId,
      label,
      optionsOf(beforeRecord),
      optionsOf(afterRecord),
    ),
  );
  for (const property of ["showIf", "requireIf"] as const) {
    const old = beforeRecord[property];
    const next = afterRecord[property];
    if (!sameValue(old, next)) {
      changes.push({
        kind: "logicChanged",
        fieldId,
        label,
        property,
        before: old === undefined ? null : describeCondition(old, labels),
        after: next === undefined ? null : describeCondition(next, labels),
      });
    }
  }
  return changes;
}

function optionsOf(field: Record<string, unknown>): ChoiceOption[] {
  return Array.isArray(field.options) ? (field.options as ChoiceOption[]) : [];
}

function optionChanges(
  fieldId: string,
  label: string,
  before: ChoiceOption[],
  after: ChoiceOption[],
): DefinitionChange[] {
  const changes: DefinitionChange[] = [];
  const beforeByValue = new Map(before.map((option) => [option.value, option]));
  const afterValues = new Set(after.map((option) => option.value));
  for (const option of after) {
    const old = beforeByValue.get(option.value);
    if (old === undefined) {
      changes.push({
        kind: "optionAdded",
        fieldId,
        label,
        option: option.label,
      });
    } else if (old.label !== option.label) {
      changes.push({
        kind: "optionRelabelled",
        fieldId,
        label,
        value: option.value,
        before: old.label,
        after: option.label,
      });
    }
  }
  for (const option of before) {
    if (!afterValues.has(option.value)) {
      changes.push({
        kind: "optionRemoved",
        fieldId,
        label,
        option: option.label,
      });
    }
  }
  const keptBefore = before
    .filter((option) => afterValues.has(option.value))
    .map((option) => option.value);
  const keptAfter = after
    .filter((option) => beforeByValue.has(option.value))
    .map((option) => option.value);
  if (keptBefore.join("\n") !== keptAfter.join("\n")) {
    changes.push({ kind: "optionsReordered", fieldId, label });
  }
  return changes;
}

/** Reports pages whose kept fields changed order. */
function orderChanges(
  before: FormDefinition,
  after: FormDefinition,
): DefinitionChange[] {
  const changes: DefinitionChange[] = [];
  const beforePages = new Map(before.pages.map((page) => [page.id, page]));
  after.pages.forEach((page, index) => {
    const old = beforePages.get(page.id);
    if (old === undefined) return;
    const afterIds = new Set(page.fields.map((field) => field.id));
    const beforeIds = new Set(old.fields.map((field) => field.id));
    const keptBefore = old.fields
      .map((field) => field.id)
      .filter((id) => afterIds.has(id));
    const keptAfter = page.fields
      .map((field) => field.id)
      .filter((id) => beforeIds.has(id));
    if (keptBefore.join("\n") !== keptAfter.join("\n")) {
      changes.push({
        kind: "fieldsReordered",
        pageId: page.id,
        page: pageName(page, index),
      });
    }
  });
  return changes;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const OPERATOR_TEXT: Record<string, string> = {
  equals: "is",
  notEquals: "is not",
  includes: "includes",
  notIncludes: "does not include",
  greaterThan: "is greater than",
  lessThan: "is less than",
  isEmpty: "is empty",
  isNotEmpty: "is not empty",
};

/**
 * Describes a showIf or requireIf condition in words, like
 * `"Smoker" is true and "Age" is greater than 60`, naming fields by label.
 */
export function describeCondition(
  condition: unknown,
  labels: Map<string, string>,
): string {
  if (typeof condition !== "object" || condition === null) return "";
  const record = condition as Record<string, unknown>;
  if (Array.isArray(record.all) || Array.isArray(record.any)) {
    const isAll = Array.isArray(record.all);
    const parts = ((isAll ? record.all : record.any) as unknown[]).map((part) =>
      describeCondition(part, labels),
    );
    const joined = parts.join(isAll ? " and " : " or ");
    return parts.length > 1 ? `(${joined})` : joined;
  }
  const fieldId = String(record.field ?? "");
  const name = `"${labels.get(fieldId) || fieldId}"`;
  const operator = String(record.op ?? "");
  const text = OPERATOR_TEXT[operator] ?? operator;
  if (operator === "isEmpty" || operator === "isNotEmpty") {
    return `${name} ${text}`;
  }
  return `${name} ${text} ${JSON.stringify(record.value ?? "")}`;
}

function quote(value: unknown): string {
  if (value === undefined) return "not set";
  if (typeof value === "string") return value === "" ? "empty" : `"${value}"`;
  return JSON.stringify(value);
}

/** Describes one change in a sentence for staff. */
export function describeChange(change: DefinitionChange): string {
  switch (change.kind) {
    case "titleChanged":
      return `Form title changed from ${quote(change.before)} to ${quote(change.after)}.`;
    case "pageAdded":
      return `Page "${change.title}" added.`;
    case "pageRemoved":
      return `Page "${change.title}" removed.`;
    case "pageRenamed":
      return `Page title changed from ${quote(change.before)} to ${quote(change.after)}.`;
    case "pagesReordered":
      return "Pages reordered.";
    case "fieldAdded":
      return `Field "${change.label}" added to "${change.page}".`;
    case "fieldRemoved":
      return `Field "${change.label}" removed from "${change.page}".`;
    case "fieldMoved":
      return `Field "${change.label}" moved from "${change.from}" to "${change.to}".`;
    case "fieldsReordered":
      return `Fields of "${change.page}" reordered.`;
    case "fieldChanged":
      return `Field "${change.label}": ${change.property} changed from ${quote(change.before)} to ${quote(change.after)}.`;
    case "optionAdded":
      return `Field "${change.label}": option "${change.option}" added.`;
    case "optionRemoved":
      return `Field "${change.label}": option "${change.option}" removed.`;
    case "optionRelabelled":
      return `Field "${change.label}": option "${change.before}" renamed to "${change.after}".`;
    case "optionsReordered":
      return `Field "${change.label}": options reordered.`;
    case "logicChanged": {
      const rule = change.property === "showIf" ? "Show when" : "Require when";
      if (change.before === null) {
        return `Field "${change.label}": rule "${rule} ${change.after}" added.`;
      }
      if (change.after === null) {
        return `Field "${change.label}": rule "${rule} ${change.before}" removed.`;
      }
      return `Field "${change.label}": rule "${rule}" changed from ${change.before} to ${change.after}.`;
    }
  }
}
