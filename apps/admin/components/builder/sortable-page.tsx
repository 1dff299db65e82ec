"use client";

import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import type { Page } from "@intake/form-schema";
import { Button, cn } from "@intake/ui";
import type { ReactNode } from "react";

import type { OutlineActions } from "./builder-outline";
import { pageDragId } from "./drag-ids";
import type { LocatedProblem } from "./problems";

/**
 * Renders one page of the outline: a drag handle, the editable title, the
 * page's buttons and its fields. The whole card is a drop target, so a
 * field can be dropped on an empty page.
 */
export function SortablePage({
  page,
  pageIndex,
  pageCount,
  selected,
  problems,
  actions,
  children,
}: {
  page: Page;
  pageIndex: number;
  pageCount: number;
  selected: boolean;
  problems: LocatedProblem[] | undefined;
  actions: OutlineActions;
  children: ReactNode;
}) {
  // The field count lets a field drag tell an empty page from a full one.
  const sortable = useSortable({
    id: pageDragId(page.id),
    data: { fieldCount: page.fields.length },
  });
  const name = page.title || `Page ${pageIndex + 1}`;
  const titleId = `page-title-${page.id}`;

  return (
    <li
      ref={sortable.setNodeRef}
      style={{
        transform: CSS.Translate.toString(sortable.transform),
        transition: sortable.transition,
      }}
      className={cn(
        "flex flex-col gap-3 rounded-xl border-2 bg-canvas p-3",
        selected ? "border-accent" : "border-border-subtle",
        sortable.isDragging && "opacity-60",
      )}
    >
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          ref={sortable.setActivatorNodeRef}
          {...sortable.attributes}
          {...sortable.listeners}
          aria-label={`Drag page ${name}`}
          className="min-h-12 min-w-12 cursor-grab rounded-lg border-2 border-border-subtle text-xl"
        >
          <span aria-hidden="true">⠿</span>
        </button>
        <label
          id={`${titleId}-label`}
          htmlFor={titleId}
          className="font-semibold"
        >
          Page {pageIndex + 1} title
        </label>
        <input
          id={titleId}
          value={page.title}
          maxLength={200}
          placeholder="Untitled page"
          onFocus={() => actions.selectPage(page.id)}
          onChange={(event) => actions.renamePage(page.id, event.target.value)}
          className="min-h-12 flex-1 rounded-lg border-2 border-border-subtle px-3"
        />
      </div>
      <div className="flex flex-wrap gap-2">
        <Button
          variant="ghost"
          disabled={pageIndex === 0}
          onClick={() => actions.movePageBy(page.id, -1)}
          aria-label={`Move page ${name} up`}
        >
          Move up
        </Button>
        <Button
          variant="ghost"
          disabled={pageIndex === pageCount - 1}
          onClick={() => actions.movePageBy(page.id, 1)}
          aria-label={`Move page ${name} down`}
        >
          Move down
        </Button>
        <Button
          variant="ghost"
          disabled={pageCount <= 1}
          onClick={() => actions.deletePage(page.id)}
          aria-label={`Delete page ${name}`}
        >
          Delete page
        </Button>
      </div>
      {problems && problems.length > 0 && (
        <ul className="text-danger list-disc pl-5">
          {problems.map((problem, index) => (
            <li key={index}>{problem.message}</li>
          ))}
        </ul>
      )}
      {children}
    </li>
  );
}
