import type { DefinitionProblem, FormDefinition } from "@intake/form-schema";

/** A definition problem with the page and field it belongs to. */
export interface LocatedProblem extends DefinitionProblem {
  /** Id of the page the path points into, if any. */
  pageId?: string;
  /** Id of the top-level field the path points into, if any. */
  fieldId?: string;
}

/** Problems sorted by where the builder shows them. */
export interface ProblemIndex {
  all: LocatedProblem[];
  byField: Map<string, LocatedProblem[]>;
  byPage: Map<string, LocatedProblem[]>;
}

/**
 * Resolves each problem's path, like `["pages", 0, "fields", 2, "label"]`,
 * to the page and field it names in `definition`, so the builder can show
 * it next to that field. Problems of a page itself go under `byPage`.
 */
export function indexProblems(
  definition: FormDefinition,
  problems: DefinitionProblem[],
): ProblemIndex {
  const index: ProblemIndex = {
    all: [],
    byField: new Map(),
    byPage: new Map(),
  };
  for (const problem of problems) {
    const located = locate(definition, problem);
    index.all.push(located);
    if (located.fieldId !== undefined) {
      push(index.byField, located.fieldId, located);
    } else if (located.pageId !== undefined) {
      push(index.byPage, located.pageId, located);
    }
  }
  return index;
}

function locate(
  definition: FormDefinition,
  problem: DefinitionProblem,
): LocatedProblem {
  const [root, pageIndex, child, fieldIndex] = problem.path;
  if (root === "translations") return locateTranslation(definition, problem);
  if (root !== "pages" || typeof pageIndex !== "number") return problem;

  const page = definition.pages[pageIndex];
  if (page === undefined) return problem;
  if (child !== "fields" || typeof fieldIndex !== "number") {
    return { ...problem, pageId: page.id };
  }
  const field = page.fields[fieldIndex];
  return { ...problem, pageId: page.id, fieldId: field?.id };
}

/**
 * Places a problem of `["translations", locale, "fields", fieldId, ...]`
 * under the top-level field with that id, so it shows in its settings.
 */
function locateTranslation(
  definition: FormDefinition,
  problem: DefinitionProblem,
): LocatedProblem {
  const [, , section, fieldId] = problem.path;
  if (section !== "fields" || typeof fieldId !== "string") return problem;
  for (const page of definition.pages) {
    if (page.fields.some((field) => field.id === fieldId)) {
      return { ...problem, pageId: page.id, fieldId };
    }
  }
  return problem;
}

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list === undefined) {
    map.set(key, [value]);
  } else {
    list.push(value);
  }
}
