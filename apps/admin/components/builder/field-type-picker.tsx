"use client";

import { FIELD_TYPES, type FieldType } from "@intake/form-schema";
import { Button } from "@intake/ui";
import { useId, useState } from "react";

import { FIELD_TYPE_NAMES } from "./field-defaults";

/** Renders a field type select and an Add button for one page. */
export function FieldTypePicker({
  pageTitle,
  onAdd,
}: {
  pageTitle: string;
  onAdd: (type: FieldType) => void;
}) {
  const selectId = useId();
  const [type, setType] = useState<FieldType>("shortText");

  return (
    <div className="flex flex-wrap items-end gap-2">
      <div className="flex flex-col gap-1">
        <label htmlFor={selectId} className="text-sm font-semibold">
          New field type
        </label>
        <select
          id={selectId}
          value={type}
          onChange={(event) => setType(event.target.value as FieldType)}
          className="min-h-12 rounded-lg border-2 border-border-subtle px-3"
        >
          {FIELD_TYPES.map((option) => (
            <option key={option} value={option}>
              {FIELD_TYPE_NAMES[option]}
            </option>
          ))}
        </select>
      </div>
      <Button
        variant="secondary"
        onClick={() => onAdd(type)}
        aria-label={`Add field to ${pageTitle}`}
      >
        Add field
      </Button>
    </div>
  );
}
