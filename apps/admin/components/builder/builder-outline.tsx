"use client";

import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
} from "@dnd-kit/core";
import {
  SortableContext,
  sortableKeyboardCoordinates,
  verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import type { FieldType, FormDefinition } from "@intake/form-schema";
import { Button } from "@intake/ui";
import { memo, useMemo, useRef } from "react";

import { fieldDragId, pageDragId, parseDragId } from "./drag-ids";
import { FieldRow } from "./field-row";
import { FieldTypePicker } from "./field-type-picker";
import { SortablePage } from "./sortable-page";
import type { LocatedProblem } from "./problems";

/** Callbacks of the outline. They must keep their identity across renders. */
export interface OutlineActions {
  selectField: (fieldId: string) => void;
  selectPage: (pageId: string) => void;
  addField: (pageIndex: number, type: FieldType) => void;
  moveFieldBy: (fieldId: string, step: -1 | 1) => void;
  duplicateField: (fieldId: string) => void;
  deleteField: (fieldId: string) => void;
  addPage: () => void;
  renamePage: (pageId: string, title: string) => void;
  deletePage: (pageId: string) => void;
  movePageBy: (pageId: string, step: -1 | 1) => void;
  drop: (activeId: string | number, overId: string | number | null) => void;
}

/** Props of {@link BuilderOutline}. */
export interface BuilderOutlineProps {
  definition: FormDefinition;
  selectedFieldId: string | null;
  selectedPageId: string | null;
  problemsByField: Map<string, LocatedProblem[]>;
  problemsByPage: Map<string, LocatedProblem[]>;
  actions: OutlineActions;
}

/**
 * Lists the pages with their fields. Fields and pages reorder by drag and
 * drop with a pointer or with the keyboard (space picks up, arrows move,
 * space drops), and by their Move up and Move down buttons.
 */
export function BuilderOutline({
  definition,
  selectedFieldId,
  selectedPageId,
  problemsByField,
  problemsByPage,
  actions,
}: BuilderOutlineProps) {
  const sensors = useSensors(
    // A few pixels of travel tell a drag from a click on the handle.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: sortableKeyboardCoordinates,
    }),
  );
  const labels = useRef(new Map<string, string>());
  labels.current = outlineLabels(definition);
  const announcements = useMemo(() => dragAnnouncements(labels), []);
  const pageIds = useMemo(
    () => definition.pages.map((page) => pageDragId(page.id)),
    [definition.pages],
  );

  function handleDragEnd(event: DragEndEvent) {
    actions.drop(event.active.id, event.over?.id ?? null);
  }

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisionByKind}
      onDragEnd={handleDragEnd}
      accessibility={{ announcements }}
    >
      <SortableContext items={pageIds} strategy={verticalListSortingStrategy}>
        <ol className="flex flex-col gap-4" aria-label="Pages">
          {definition.pages.map((page, pageIndex) => (
            <SortablePage
              key={page.id}
              page={page}
              pageIndex={pageIndex}
              pageCount={definition.pages.length}
              selected={selectedPageId === page.id && selectedFieldId === null}
              problems={problemsByPage.get(page.id)}
              actions={actions}
            >
              <PageFields
                pageIndex={pageIndex}
                fields={page.fields}
                isFirstPage={pageIndex === 0}
                isLastPage={pageIndex === definition.pages.length - 1}
                selectedFieldId={selectedFieldId}
                problemsByField={problemsByField}
                actions={actions}
              />
              <FieldTypePicker
                pageTitle={page.title || `Page ${pageIndex + 1}`}
                onAdd={(type) => actions.addField(pageIndex, type)}
              />
            </SortablePage>
          ))}
        </ol>
      </SortableContext>
      <Button variant="secondary" className="mt-4" onClick={actions.addPage}>
        Add page
      </Button>
    </DndContext>
  );
}

const PageFields = memo(function PageFields({
  pageIndex,
  fields,
  isFirstPage,
  isLastPage,
  selectedFieldId,
  problemsByField,
  actions,
}: {
  pageIndex: number;
  fields: FormDefinition["pages"][number]["fields"];
  isFirstPage: boolean;
  isLastPage: boolean;
  selectedFieldId: string | null;
  problemsByField: Map<string, LocatedProblem[]>;
  actions: OutlineActions;
}) {
  const ids = useMemo(
    () => fields.map((field) => fieldDragId(field.id)),
    [fields],
  );
  if (fields.length === 0) {
    return (
      <p className="text-muted rounded-lg border border-dashed p-3">
        No fields yet. Add one below or drop one here.
      </p>
    );
  }
  return (
    <SortableContext items={ids} strategy={verticalListSortingStrategy}>
      <ol
        className="flex flex-col gap-2"
        aria-label={`Fields of page ${pageIndex + 1}`}
      >
        {fields.map((field, index) => (
          <FieldRow
            key={field.id}
            field={field}
            selected={field.id === selectedFieldId}
            canMoveUp={index > 0 || !isFirstPage}
            canMoveDown={index < fields.length - 1 || !isLastPage}
            problemCount={problemsByField.get(field.id)?.length ?? 0}
            actions={actions}
          />
        ))}
      </ol>
    </SortableContext>
  );
});

/**
 * Detects the drop target. A field drag lands on the field nearest to the
 * dragged row's center, or on an empty page under the pointer, because an
 * empty page has no field to land on. A page drag considers pages only.
 */
const collisionByKind: CollisionDetection = (args) => {
  const activeKind = parseDragId(args.active.id)?.kind;
  const ofKind = (kind: "field" | "page") =>
    args.droppableContainers.filter(
      (container) => parseDragId(container.id)?.kind === kind,
    );
  if (activeKind !== "field") {
    return closestCenter({ ...args, droppableContainers: ofKind("page") });
  }
  const emptyPages = ofKind("page").filter(
    (container) => container.data.current?.fieldCount === 0,
  );
  const pageHits = pointerWithin({ ...args, droppableContainers: emptyPages });
  if (pageHits.length > 0) return pageHits;
  return closestCenter({ ...args, droppableContainers: ofKind("field") });
};

function outlineLabels(definition: FormDefinition): Map<string, string> {
  const labels = new Map<string, string>();
  definition.pages.forEach((page, index) => {
    labels.set(pageDragId(page.id), page.title || `Page ${index + 1}`);
    for (const field of page.fields) {
      labels.set(fieldDragId(field.id), field.label || field.id);
    }
  });
  return labels;
}

function dragAnnouncements(labels: {
  current: Map<string, string>;
}): Announcements {
  const name = (id: string | number) => labels.current.get(String(id)) ?? "";
  return {
    onDragStart: ({ active }) => `Picked up ${name(active.id)}.`,
    onDragOver: ({ active, over }) =>
      over
        ? `${name(active.id)} is over ${name(over.id)}.`
        : `${name(active.id)} is over no drop position.`,
    onDragEnd: ({ active, over }) =>
      over
        ? `Dropped ${name(active.id)} at ${name(over.id)}.`
        : `Dropped ${name(active.id)} where it was.`,
    onDragCancel: ({ active }) =>
      `Moving cancelled. ${name(active.id)} is back where it was.`,
  };
}
