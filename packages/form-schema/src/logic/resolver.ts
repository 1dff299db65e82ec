import type { FormDefinition } from "../definition/schema";
import type { Field, GroupField, ItemField } from "../fields";
import { isInputField } from "../fields/field-types";
import { evaluateWith, type AnswerLookup } from "./evaluate";

type TopLevelEntry = { field: Field; pageIndex: number };

/**
 * Decides which pages and fields are shown for a set of answers. A hidden
 * field's answer is treated as no answer by every condition, so a field
 * that depends on a hidden one sees it as empty. Results are memoized, and
 * a cycle (which `validateDefinition` rejects) resolves to hidden instead
 * of recursing forever.
 */
export class VisibilityResolver {
  private readonly topLevel = new Map<string, TopLevelEntry>();
  private readonly memo = new Map<string, boolean | "pending">();

  constructor(
    private readonly definition: FormDefinition,
    private readonly answers: Readonly<Record<string, unknown>>,
  ) {
    definition.pages.forEach((page, pageIndex) => {
      for (const field of page.fields) {
        if (!this.topLevel.has(field.id)) {
          this.topLevel.set(field.id, { field, pageIndex });
        }
      }
    });
  }

  /** Returns the top-level field with this id, if any. */
  field(fieldId: string): Field | undefined {
    return this.topLevel.get(fieldId)?.field;
  }

  /** Checks whether the page at `pageIndex` is shown. */
  isPageVisible(pageIndex: number): boolean {
    const page = this.definition.pages[pageIndex];
    if (page === undefined) {
      return false;
    }
    return this.memoize(`page:${pageIndex}`, () =>
      page.showIf === undefined ? true : evaluateWith(page.showIf, this.lookup),
    );
  }

  /** Checks whether a top-level field is shown: its page and its `showIf`. */
  isFieldVisible(fieldId: string): boolean {
    const entry = this.topLevel.get(fieldId);
    if (entry === undefined) {
      return false;
    }
    return this.memoize(`field:${fieldId}`, () => {
      if (!this.isPageVisible(entry.pageIndex)) {
        return false;
      }
      const { showIf } = entry.field;
      return showIf === undefined ? true : evaluateWith(showIf, this.lookup);
    });
  }

  /**
   * Checks whether a field of one group item is shown: the group is shown
   * and the field's `showIf` holds for that item's answers, with answers
   * outside the group read as for a top-level field.
   */
  isItemFieldVisible(group: GroupField, index: number, field: ItemField) {
    return this.memoize(`item:${group.id}:${index}:${field.id}`, () => {
      if (!this.isFieldVisible(group.id)) {
        return false;
      }
      return field.showIf === undefined
        ? true
        : evaluateWith(field.showIf, this.itemLookup(group, index));
    });
  }

  /**
   * Reads a top-level answer as conditions see it: the answer of a shown
   * input field, or undefined.
   */
  readonly lookup: AnswerLookup = (fieldId) => {
    const entry = this.topLevel.get(fieldId);
    if (entry === undefined || !isInputField(entry.field)) {
      return undefined;
    }
    if (!this.isFieldVisible(fieldId)) {
      return undefined;
    }
    return ownValue(this.answers, fieldId);
  };

  /** Reads answers as conditions inside one group item see them. */
  itemLookup(group: GroupField, index: number): AnswerLookup {
    return (fieldId) => {
      const field = group.fields.find((candidate) => candidate.id === fieldId);
      if (field === undefined) {
        return this.lookup(fieldId);
      }
      if (!isInputField(field)) {
        return undefined;
      }
      if (!this.isItemFieldVisible(group, index, field)) {
        return undefined;
      }
      const item = this.item(group.id, index);
      return item === undefined ? undefined : ownValue(item, fieldId);
    };
  }

  /** Returns item `index` of a group answer when it is a plain object. */
  item(groupId: string, index: number): Record<string, unknown> | undefined {
    const items = ownValue(this.answers, groupId);
    if (!Array.isArray(items)) {
      return undefined;
    }
    const item: unknown = items[index];
    return isPlainObject(item) ? item : undefined;
  }

  private memoize(key: string, compute: () => boolean): boolean {
    const known = this.memo.get(key);
    if (known === "pending") {
      return false;
    }
    if (known !== undefined) {
      return known;
    }
    this.memo.set(key, "pending");
    const result = compute();
    this.memo.set(key, result);
    return result;
  }
}

/** Checks for an object literal or `Object.create(null)` value. */
export function isPlainObject(
  value: unknown,
): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return false;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Reads an own property, so "constructor" or "__proto__" read as missing. */
export function ownValue(
  record: Readonly<Record<string, unknown>>,
  key: string,
): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
