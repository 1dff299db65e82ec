"use client";

import type { Field, ItemAnswerValue } from "@intake/form-schema";
import { useEffect, useRef, useState, type ReactNode } from "react";

import { useUiText } from "../text/ui-text-context";
import { Button } from "./button";

/** One item of a repeating group: answers keyed by the item's field ids. */
export type GroupItem = Record<string, ItemAnswerValue>;

/** Props of {@link RepeatingGroup}. */
export interface RepeatingGroupProps {
  /** Id of the group's container, which an error summary link focuses. */
  id: string;
  fields: readonly Field[];
  /** Singular name of one item, such as "Pet". */
  itemLabel: string;
  minItems?: number;
  maxItems?: number;
  value: readonly GroupItem[] | undefined;
  /** Receives the items, or undefined once the last one is removed. */
  onChange: (value: GroupItem[] | undefined) => void;
  /** Ids of the group's help and error regions. */
  describedBy?: string;
  /**
   * Renders one field of one item. `change` stores that field's answer in
   * the item. The caller renders nothing for a field hidden by its logic.
   */
  renderField: (
    field: Field,
    index: number,
    item: GroupItem,
    change: (value: ItemAnswerValue | undefined) => void,
  ) => ReactNode;
}

/** Upper bound on items, as @intake/form-schema caps `maxItems`. */
const MAX_ITEMS_CAP = 20;

/** Focus target after a removal: the Add button instead of an item. */
const ADD_BUTTON = -1;

/**
 * Renders a repeating group: one fieldset per item, titled "Pet 1",
 * "Pet 2" and so on, with Add and Remove buttons. At least `minItems`
 * items show, though empty ones are not stored. Adding focuses the new
 * item's first control, and a live region announces each change.
 */
export function RepeatingGroup({
  id,
  fields,
  itemLabel,
  minItems = 0,
  maxItems = MAX_ITEMS_CAP,
  value,
  onChange,
  describedBy,
  renderField,
}: RepeatingGroupProps) {
  const text = useUiText().group;
  const items = padItems(value ?? [], minItems);
  const max = Math.min(maxItems, MAX_ITEMS_CAP);
  const addRef = useRef<HTMLButtonElement>(null);
  const focusItem = useRef<number | null>(null);
  const [announcement, setAnnouncement] = useState("");

  useEffect(() => {
    const target = focusItem.current;
    if (target === null) return;
    focusItem.current = null;
    if (target === ADD_BUTTON) {
      addRef.current?.focus();
      return;
    }
    document
      .getElementById(itemId(id, target))
      ?.querySelector<HTMLElement>("input, select, textarea, button")
      ?.focus();
  });

  function setItem(
    index: number,
    fieldId: string,
    next: ItemAnswerValue | undefined,
  ) {
    const updated = items.map((item, position) => {
      if (position !== index) return item;
      const { [fieldId]: _old, ...rest } = item;
      return next === undefined ? rest : { ...rest, [fieldId]: next };
    });
    onChange(updated);
  }

  function add() {
    const next = [...items, {}];
    focusItem.current = next.length - 1;
    setAnnouncement(text.added(itemLabel, next.length));
    onChange(next);
  }

  function remove(index: number) {
    const next = items.filter((_, position) => position !== index);
    focusItem.current = ADD_BUTTON;
    setAnnouncement(text.removed(itemLabel, index + 1));
    onChange(next.length === 0 ? undefined : next);
  }

  const limits = text.count(
    minItems > 0 ? minItems : undefined,
    max < MAX_ITEMS_CAP ? max : undefined,
  );

  return (
    <div
      id={id}
      tabIndex={-1}
      aria-describedby={describedBy}
      className="flex flex-col gap-4"
    >
      {limits ? <p className="text-base text-muted">{limits}</p> : null}
      {items.map((item, index) => {
        const title = text.item(itemLabel, index + 1);
        return (
          <fieldset
            key={index}
            id={itemId(id, index)}
            className="flex flex-col gap-4 rounded-lg border-2 border-border-subtle p-4"
          >
            <legend className="px-1 text-lg font-bold">{title}</legend>
            {fields.map((field) =>
              renderField(field, index, item, (next) =>
                setItem(index, field.id, next),
              ),
            )}
            {items.length > minItems ? (
              <div>
                <Button variant="secondary" onClick={() => remove(index)}>
                  {text.remove(itemLabel, index + 1)}
                </Button>
              </div>
            ) : null}
          </fieldset>
        );
      })}
      {items.length < max ? (
        <div>
          <Button ref={addRef} variant="secondary" onClick={add}>
            {text.add(itemLabel)}
          </Button>
        </div>
      ) : null}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}

function itemId(groupId: string, index: number): string {
  return `${groupId}-item-${index}`;
}

function padItems(items: readonly GroupItem[], minItems: number): GroupItem[] {
  const padded = items.map((item) =>
    typeof item === "object" && item !== null && !Array.isArray(item)
      ? item
      : {},
  );
  while (padded.length < minItems) padded.push({});
  return padded;
}
