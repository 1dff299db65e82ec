"use client";

import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import type { Field } from "@intake/form-schema";
import { cn } from "@intake/ui";
import { memo } from "react";

import type { OutlineActions } from "./builder-outline";
import { fieldDragId } from "./drag-ids";
import { FIELD_TYPE_NAMES } from "./field-defaults";

const rowButton =
  "min-h-12 rounded-lg border-2 border-transparent px-3 text-accent underline disabled:opacity-40 disabled:no-underline";

/**
 * Renders one field of the outline. It is memoized on its props, which
 * are the field object and stable callbacks, so typing in one label
 * renders only that row.
 */
export const FieldRow = memo(function FieldRow({
  field,
  selected,
  canMoveUp,
  canMoveDown,
  problemCount,
  actions,
}: {
  field: Field;
  selected: boolean;
  canMoveUp: boolean;
  canMoveDown: boolean;
  problemCount: number;
  actions: OutlineActions;
}) {
  const sortable = useSortable({ id: fieldDragId(field.id) });
  const name = field.label || field.id;

  return (
    <li
      ref={sortable.setNodeRef}
      style={{
        transform: CSS.Translate.toString(sortable.transform),
        transition: sortable.transition,
      }}
      className={cn(
        "flex flex-wrap items-center gap-1 rounded-lg border-2 bg-surface p-1",
        selected ? "border-accent" : "border-border-subtle",
        sortable.isDragging && "opacity-60",
      )}
      data-field-id={field.id}
    >
      <button
        type="button"
        ref={sortable.setActivatorNodeRef}
        {...sortable.attributes}
        {...sortable.listeners}
        aria-label={`Drag ${name}`}
        className="min-h-12 min-w-12 cursor-grab rounded-lg text-xl"
      >
        <span aria-hidden="true">⠿</span>
      </button>
      <button
        type="button"
        aria-pressed={selected}
        aria-label={`Edit ${name}`}
        onClick={() => actions.selectField(field.id)}
        className="flex min-h-12 flex-1 flex-col items-start px-2 text-left"
      >
        <span className="font-semibold">{name}</span>
        <span className="text-muted text-sm">
          {FIELD_TYPE_NAMES[field.type]}
          {problemCount > 0 &&
            ` · ${problemCount === 1 ? "1 problem" : `${problemCount} problems`}`}
        </span>
      </button>
      <button
        type="button"
        className={rowButton}
        disabled={!canMoveUp}
        onClick={() => actions.moveFieldBy(field.id, -1)}
        aria-label={`Move ${name} up`}
      >
        Up
      </button>
      <button
        type="button"
        className={rowButton}
        disabled={!canMoveDown}
        onClick={() => actions.moveFieldBy(field.id, 1)}
        aria-label={`Move ${name} down`}
      >
        Down
      </button>
      <button
        type="button"
        className={rowButton}
        onClick={() => actions.duplicateField(field.id)}
        aria-label={`Duplicate ${name}`}
      >
        Copy
      </button>
      <button
        type="button"
        className={rowButton}
        onClick={() => actions.deleteField(field.id)}
        aria-label={`Delete ${name}`}
      >
        Delete
      </button>
    </li>
  );
});
