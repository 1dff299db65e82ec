"use client";

import type { ChoiceOption } from "@intake/form-schema";
import { Button } from "@intake/ui";

import { uniqueId } from "./draft-operations";

/**
 * Edits the options of a choice field: label and stored value of each,
 * with add, remove and move up or down. The stored value is what answers
 * contain, so changing it after publishing splits old and new answers.
 */
export function OptionsEditor({
  options,
  onChange,
}: {
  options: ChoiceOption[];
  onChange: (options: ChoiceOption[]) => void;
}) {
  function update(index: number, patch: Partial<ChoiceOption>) {
    onChange(
      options.map((option, i) =>
        i === index ? { ...option, ...patch } : option,
      ),
    );
  }
  function move(index: number, step: -1 | 1) {
    const next = options.slice();
    const [option] = next.splice(index, 1);
    if (option === undefined) return;
    next.splice(index + step, 0, option);
    onChange(next);
  }
  function add() {
    const value = uniqueId("option", new Set(options.map((o) => o.value)));
    onChange([...options, { value, label: `Option ${options.length + 1}` }]);
  }

  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-2 font-semibold">Options</legend>
      {options.length === 0 && (
        <p className="text-danger">This field has no options yet.</p>
      )}
      <ol className="flex flex-col gap-3">
        {options.map((option, index) => {
          const name = option.label || `option ${index + 1}`;
          return (
            <li
              key={index}
              className="flex flex-wrap items-end gap-2 rounded-lg border border-border-subtle p-2"
            >
              <label className="flex flex-col gap-1">
                <span className="text-sm font-semibold">
                  Option {index + 1} label
                </span>
                <input
                  value={option.label}
                  maxLength={200}
                  onChange={(event) =>
                    update(index, { label: event.target.value })
                  }
                  className="min-h-12 rounded-lg border-2 border-border-subtle px-3"
                />
              </label>
              <label className="flex flex-col gap-1">
                <span className="text-sm font-semibold">
                  Option {index + 1} stored value
                </span>
                <input
                  value={option.value}
                  maxLength={100}
                  onChange={(event) =>
                    update(index, { value: event.target.value })
                  }
                  className="min-h-12 rounded-lg border-2 border-border-subtle px-3"
                />
              </label>
              <Button
                variant="ghost"
                disabled={index === 0}
                onClick={() => move(index, -1)}
                aria-label={`Move ${name} up`}
              >
                Up
              </Button>
              <Button
                variant="ghost"
                disabled={index === options.length - 1}
                onClick={() => move(index, 1)}
                aria-label={`Move ${name} down`}
              >
                Down
              </Button>
              <Button
                variant="ghost"
                onClick={() => onChange(options.filter((_, i) => i !== index))}
                aria-label={`Remove ${name}`}
              >
                Remove
              </Button>
            </li>
          );
        })}
      </ol>
      <Button variant="secondary" className="self-start" onClick={add}>
        Add option
      </Button>
    </fieldset>
  );
}
