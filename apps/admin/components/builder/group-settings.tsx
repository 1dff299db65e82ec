"use client";

import {
  FIELD_TYPES,
  LIMITS,
  isInputField,
  type FieldType,
  type GroupField,
  type ItemField,
} from "@intake/form-schema";
import { Button } from "@intake/ui";
import { useId, useState } from "react";

import { uniqueId } from "./draft-operations";
import { defaultField, FIELD_TYPE_NAMES } from "./field-defaults";
import { OptionsEditor } from "./options-editor";
import {
  CheckboxSetting,
  NumberSetting,
  TextSetting,
  withoutUndefined,
} from "./setting-inputs";

const ITEM_TYPES = FIELD_TYPES.filter((type) => type !== "group");

/**
 * Edits a repeating group: the item name, the item count limits and the
 * fields of one item, which are any fields but groups.
 */
export function GroupSettings({
  field,
  takenIds,
  onChange,
}: {
  field: GroupField;
  /** Every field id of the form, so new item fields get unused ids. */
  takenIds: Set<string>;
  onChange: (next: GroupField) => void;
}) {
  const set = (patch: Partial<GroupField>) =>
    onChange(withoutUndefined({ ...field, ...patch }));
  const setItems = (fields: ItemField[]) => set({ fields });

  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-2 font-semibold">Group items</legend>
      <TextSetting
        label="Item name"
        help='Names one entry, like "Pet", in buttons such as "Add pet".'
        value={field.itemLabel}
        maxLength={200}
        onChange={(itemLabel) => set({ itemLabel })}
      />
      <NumberSetting
        label="Minimum items"
        integer
        min={0}
        value={field.minItems}
        onChange={(minItems) => set({ minItems })}
      />
      <NumberSetting
        label="Maximum items"
        integer
        min={1}
        help={`At most ${LIMITS.groupItems}.`}
        value={field.maxItems}
        onChange={(maxItems) => set({ maxItems })}
      />
      <ol className="flex flex-col gap-3" aria-label="Item fields">
        {field.fields.map((item, index) => (
          <ItemFieldEditor
            key={item.id}
            item={item}
            index={index}
            count={field.fields.length}
            onChange={(next) =>
              setItems(field.fields.map((old, i) => (i === index ? next : old)))
            }
            onMove={(step) => {
              const next = field.fields.slice();
              next.splice(index, 1);
              next.splice(index + step, 0, item);
              setItems(next);
            }}
            onRemove={() =>
              setItems(field.fields.filter((_, i) => i !== index))
            }
          />
        ))}
      </ol>
      <AddItemField
        onAdd={(type) => {
          const id = uniqueId(`${field.id}${capitalize(type)}`, takenIds);
          setItems([...field.fields, defaultField(type, id) as ItemField]);
        }}
      />
    </fieldset>
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function AddItemField({ onAdd }: { onAdd: (type: FieldType) => void }) {
  const id = useId();
  const [type, setType] = useState<FieldType>("shortText");
  return (
    <div className="flex flex-wrap items-end gap-2">
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="text-sm font-semibold">
          New item field type
        </label>
        <select
          id={id}
          value={type}
          onChange={(event) => setType(event.target.value as FieldType)}
          className="min-h-12 rounded-lg border-2 border-border-subtle px-3"
        >
          {ITEM_TYPES.map((option) => (
            <option key={option} value={option}>
              {FIELD_TYPE_NAMES[option]}
            </option>
          ))}
        </select>
      </div>
      <Button variant="secondary" onClick={() => onAdd(type)}>
        Add item field
      </Button>
    </div>
  );
}

function ItemFieldEditor({
  item,
  index,
  count,
  onChange,
  onMove,
  onRemove,
}: {
  item: ItemField;
  index: number;
  count: number;
  onChange: (next: ItemField) => void;
  onMove: (step: -1 | 1) => void;
  onRemove: () => void;
}) {
  const name = item.label || `item field ${index + 1}`;
  return (
    <li className="flex flex-col gap-2 rounded-lg border border-border-subtle p-2">
      <p className="text-muted text-sm">
        {FIELD_TYPE_NAMES[item.type]} · answer key {item.id}
      </p>
      <TextSetting
        label={`Item field ${index + 1} label`}
        value={item.label}
        maxLength={200}
        onChange={(label) => onChange({ ...item, label })}
      />
      {isInputField(item) && (
        <CheckboxSetting
          label={`Item field ${index + 1} required`}
          checked={item.required === true}
          onChange={(required) =>
            onChange(
              withoutUndefined({
                ...item,
                required: required ? true : undefined,
              }),
            )
          }
        />
      )}
      {(item.type === "singleChoice" || item.type === "multipleChoice") && (
        <OptionsEditor
          options={item.options}
          onChange={(options) => onChange({ ...item, options })}
        />
      )}
      <div className="flex flex-wrap gap-2">
        <Button
          variant="ghost"
          disabled={index === 0}
          onClick={() => onMove(-1)}
          aria-label={`Move ${name} up`}
        >
          Up
        </Button>
        <Button
          variant="ghost"
          disabled={index === count - 1}
          onClick={() => onMove(1)}
          aria-label={`Move ${name} down`}
        >
          Down
        </Button>
        <Button
          variant="ghost"
          onClick={onRemove}
          aria-label={`Remove ${name}`}
        >
          Remove
        </Button>
      </div>
    </li>
  );
}
