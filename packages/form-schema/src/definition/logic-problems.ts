import { isIsoDate } from "../fields/iso-date";
import { LIMITS } from "../fields/limits";
import type { Field, GroupField } from "../fields";
import { isInputField } from "../fields/field-types";
import {
  isFieldCondition,
  VALUELESS_OPS,
  type Condition,
  type FieldCondition,
} from "../logic/condition";
import type { DefinitionProblem } from "./problem";
import type { FormDefinition } from "./schema";

type Path = (string | number)[];

/** Where a field sits: its page, its path and its group, if any. */
type FieldEntry = {
  field: Field;
  pageIndex: number;
  path: Path;
  group?: GroupField;
};

/** One `showIf` or `requireIf` and what it belongs to. */
type ConditionSite = {
  condition: Condition;
  path: Path;
  /** The graph node the condition decides, for showIf only. */
  node?: string;
  /** The group whose item fields the condition may read. */
  group?: GroupField;
  /** The field that carries the condition, if any. */
  owner?: Field;
};

/**
 * Lists problems with conditional logic: conditions on missing or static
 * fields or on another group's item fields, values that do not suit the
 * operator and the field, nesting deeper than `LIMITS.conditionDepth`, and
 * `showIf` cycles through fields and pages.
 */
export function logicProblems(definition: FormDefinition): DefinitionProblem[] {
  const entries = indexFields(definition);
  const sites = conditionSites(definition);
  const problems: DefinitionProblem[] = [];
  for (const site of sites) {
    problems.push(...siteProblems(site, entries));
  }
  problems.push(...cycleProblems(definition, entries, sites));
  return problems;
}

function indexFields(definition: FormDefinition): Map<string, FieldEntry> {
  const entries = new Map<string, FieldEntry>();
  const add = (entry: FieldEntry) => {
    if (!entries.has(entry.field.id)) {
      entries.set(entry.field.id, entry);
    }
  };
  definition.pages.forEach((page, pageIndex) => {
    page.fields.forEach((field, fieldIndex) => {
      const path = ["pages", pageIndex, "fields", fieldIndex];
      add({ field, pageIndex, path });
      if (field.type === "group") {
        field.fields.forEach((itemField, itemIndex) => {
          const itemPath = [...path, "fields", itemIndex];
          add({ field: itemField, pageIndex, path: itemPath, group: field });
        });
      }
    });
  });
  return entries;
}

function conditionSites(definition: FormDefinition): ConditionSite[] {
  const sites: ConditionSite[] = [];
  const addField = (field: Field, path: Path, group?: GroupField) => {
    if (field.showIf !== undefined) {
      sites.push({
        condition: field.showIf,
        path: [...path, "showIf"],
        node: fieldNode(field.id),
        group,
        owner: field,
      });
    }
    if (isInputField(field) && field.requireIf !== undefined) {
      sites.push({
        condition: field.requireIf,
        path: [...path, "requireIf"],
        group,
        owner: field,
      });
    }
  };

  definition.pages.forEach((page, pageIndex) => {
    const pagePath = ["pages", pageIndex];
    if (page.showIf !== undefined) {
      sites.push({
        condition: page.showIf,
        path: [...pagePath, "showIf"],
        node: pageNode(pageIndex),
      });
    }
    page.fields.forEach((field, fieldIndex) => {
      const path = [...pagePath, "fields", fieldIndex];
      addField(field, path);
      if (field.type === "group") {
        field.fields.forEach((itemField, itemIndex) => {
          addField(itemField, [...path, "fields", itemIndex], field);
        });
      }
    });
  });
  return sites;
}

function siteProblems(
  site: ConditionSite,
  entries: Map<string, FieldEntry>,
): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const visit = (condition: Condition, path: Path, depth: number) => {
    if (!isFieldCondition(condition) && depth >= LIMITS.conditionDepth) {
      problems.push({
        code: "logicTooDeep",
        path,
        message: `Simplify this condition: "all" and "any" may nest at most ${LIMITS.conditionDepth} levels deep.`,
      });
      return;
    }
    if (isFieldCondition(condition)) {
      const problem = testProblem(condition, path, site, entries);
      if (problem !== null) {
        problems.push(problem);
      }
      return;
    }
    const key = "all" in condition ? "all" : "any";
    const children = "all" in condition ? condition.all : condition.any;
    children.forEach((child, index) => {
      visit(child, [...path, key, index], depth + 1);
    });
  };
  visit(site.condition, site.path, 0);
  return problems;
}

function testProblem(
  condition: FieldCondition,
  path: Path,
  site: ConditionSite,
  entries: Map<string, FieldEntry>,
): DefinitionProblem | null {
  const entry = entries.get(condition.field);
  const fieldPath = [...path, "field"];
  if (entry === undefined) {
    return {
      code: "unknownLogicField",
      path: fieldPath,
      message: `Choose a question on this form, because no field has the id "${condition.field}".`,
    };
  }
  if (!isInputField(entry.field)) {
    return {
      code: "unknownLogicField",
      path: fieldPath,
      message: `Choose a question that takes an answer, because "${condition.field}" is static text.`,
    };
  }
  if (entry.group !== undefined && entry.group !== site.group) {
    return {
      code: "unknownLogicField",
      path: fieldPath,
      message: `Choose a question outside the "${entry.group.id}" group, because only that group's own questions can use "${condition.field}".`,
    };
  }
  if (site.owner !== undefined && site.owner.id === condition.field) {
    return {
      code: site.node === undefined ? "invalidLogicValue" : "logicCycle",
      path: fieldPath,
      message: `Choose a question other than "${condition.field}" itself, because a question cannot depend on its own answer.`,
    };
  }
  const message = valueMessage(condition, entry.field);
  return message === null ? null : { code: "invalidLogicValue", path, message };
}

/** Describes what is wrong with the op and value for this field, if any. */
function valueMessage(condition: FieldCondition, field: Field): string | null {
  const { op, value } = condition;
  if (VALUELESS_OPS.includes(op)) {
    return value === undefined
      ? null
      : `Remove the value, because "${op}" compares with none.`;
  }
  if (value === undefined) {
    return `Enter a value for "${op}" to compare with.`;
  }

  switch (field.type) {
    case "yesNo":
    case "consent":
      return op === "equals" || op === "notEquals"
        ? expectType(value, "boolean", "true or false")
        : `Use "equals" or "notEquals" with a yes or no question.`;
    case "number":
      return op === "includes" || op === "notIncludes"
        ? `Use "equals", "notEquals", "greaterThan" or "lessThan" with a number question.`
        : expectType(value, "number", "a number");
    case "date":
      if (op === "includes" || op === "notIncludes") {
        return `Use "equals", "notEquals", "greaterThan" or "lessThan" with a date question.`;
      }
      return typeof value === "string" && isIsoDate(value)
        ? null
        : "Enter the value as a date written YYYY-MM-DD.";
    case "singleChoice":
    case "multipleChoice":
      return choiceMessage(op, value, field);
    case "shortText":
    case "longText":
    case "email":
    case "phone":
      if (op === "greaterThan" || op === "lessThan") {
        return `Use "equals", "notEquals", "includes" or "notIncludes" with a text question.`;
      }
      return expectType(value, "string", "text");
    default:
      return `Use "isEmpty" or "isNotEmpty" with a ${field.type} question.`;
  }
}

function choiceMessage(
  op: FieldCondition["op"],
  value: string | number | boolean,
  field: Extract<Field, { type: "singleChoice" | "multipleChoice" }>,
): string | null {
  const multiple = field.type === "multipleChoice";
  if (op === "greaterThan" || op === "lessThan") {
    return `Use "equals" or "includes" with a choice question.`;
  }
  if (multiple && (op === "equals" || op === "notEquals")) {
    return `Use "includes" or "notIncludes" with a multiple choice question, because its answer is a list.`;
  }
  const known = field.options.some((option) => option.value === value);
  if (!known) {
    const values = field.options.map((option) => `"${option.value}"`);
    return `Choose one of the option values ${values.join(", ")}.`;
  }
  return null;
}

function expectType(
  value: string | number | boolean,
  type: "boolean" | "number" | "string",
  description: string,
): string | null {
  return typeof value === type ? null : `Enter ${description} as the value.`;
}

function fieldNode(fieldId: string): string {
  return `field:${fieldId}`;
}

function pageNode(pageIndex: number): string {
  return `page:${pageIndex}`;
}

/**
 * Reports each `showIf` cycle once. A field depends on its page, an item
 * field on its group, and each carrier of a `showIf` on the fields that
 * condition reads, because a hidden field reads as unanswered.
 */
function cycleProblems(
  definition: FormDefinition,
  entries: Map<string, FieldEntry>,
  sites: ConditionSite[],
): DefinitionProblem[] {
  const edges = new Map<string, string[]>();
  const addEdge = (from: string, to: string) => {
    const list = edges.get(from) ?? [];
    list.push(to);
    edges.set(from, list);
  };
  for (const [id, entry] of entries) {
    const parent =
      entry.group === undefined
        ? pageNode(entry.pageIndex)
        : fieldNode(entry.group.id);
    addEdge(fieldNode(id), parent);
  }
  const showIfPaths = new Map<string, Path>();
  for (const site of sites) {
    if (site.node === undefined) {
      continue;
    }
    showIfPaths.set(site.node, site.path);
    for (const id of conditionReads(site.condition)) {
      const entry = entries.get(id);
      // Unreadable references are reported by siteProblems, not as cycles.
      const readable =
        entry !== undefined &&
        (entry.group === undefined || entry.group === site.group);
      if (readable && site.owner?.id !== id) {
        addEdge(site.node, fieldNode(id));
      }
    }
  }

  const problems: DefinitionProblem[] = [];
  const state = new Map<string, "active" | "done">();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, "active");
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === "active") {
        const cycle = stack.slice(stack.indexOf(next));
        problems.push(cycleProblem(definition, cycle, showIfPaths));
      } else if (state.get(next) === undefined) {
        visit(next);
      }
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of edges.keys()) {
    if (state.get(node) === undefined) {
      visit(node);
    }
  }
  return problems;
}

function conditionReads(condition: Condition): string[] {
  if (isFieldCondition(condition)) {
    return [condition.field];
  }
  const children = "all" in condition ? condition.all : condition.any;
  return children.flatMap(conditionReads);
}

function cycleProblem(
  definition: FormDefinition,
  cycle: string[],
  showIfPaths: Map<string, Path>,
): DefinitionProblem {
  const names = cycle.map((node) => describeNode(definition, node));
  const first = cycle.find((node) => showIfPaths.has(node));
  return {
    code: "logicCycle",
    path: first === undefined ? ["pages"] : (showIfPaths.get(first) ?? []),
    message: `Change one of these conditions, because their visibility depends on itself: ${[...names, names[0]].join(" → ")}.`,
  };
}

function describeNode(definition: FormDefinition, node: string): string {
  if (node.startsWith("page:")) {
    const page = definition.pages[Number(node.slice("page:".length))];
    return `page "${page?.id ?? "?"}"`;
  }
  return `"${node.slice("field:".length)}"`;
}
