"use client";

import {
  CONDITION_OPS,
  isInputField,
  type Condition,
  type ConditionOp,
  type ConditionValue,
  type Field,
  type FieldCondition,
} from "@intake/form-schema";
import { Button } from "@intake/ui";
import { useId } from "react";

import { CheckboxSetting } from "./setting-inputs";

/** Words for each operator in the rule editor. */
export const OPERATOR_NAMES: Record<ConditionOp, string> = {
  equals: "is",
  notEquals: "is not",
  includes: "includes",
  notIncludes: "does not include",
  greaterThan: "is greater than",
  lessThan: "is less than",
  isEmpty: "is empty",
  isNotEmpty: "is not empty",
};

const VALUELESS: ConditionOp[] = ["isEmpty", "isNotEmpty"];

type Group = { all: Condition[] } | { any: Condition[] };

/** Deepest nesting of groups the editor offers: rules and one inner group. */
const MAX_DEPTH = 2;

const selectClass =
  "min-h-12 rounded-lg border-2 border-border-subtle bg-canvas px-3";

/**
 * Edits one condition of a field, `showIf` or `requireIf`: a group of
 * rules joined by "all" (and) or "any" (or), with inner groups one level
 * deep. Each rule names another field, an operator and, unless the
 * operator is "is empty" or "is not empty", a value typed for that field.
 */
export function LogicEditor({
  title,
  condition,
  sources,
  onChange,
}: {
  title: string;
  condition: Condition | undefined;
  /** The fields a rule may test: the form's other input fields. */
  sources: Field[];
  onChange: (condition: Condition | undefined) => void;
}) {
  const enabled = condition !== undefined;
  const group = condition === undefined ? undefined : asGroup(condition);

  return (
    <fieldset className="flex flex-col gap-3 rounded-lg border border-border-subtle p-3">
      <legend className="px-1 font-semibold">{title}</legend>
      <CheckboxSetting
        label={`${title}: on`}
        checked={enabled}
        onChange={(on) =>
          onChange(on ? { all: [newRule(sources)] } : undefined)
        }
      />
      {enabled && sources.length === 0 && (
        <p className="text-danger">
          Add another question first: a rule tests the answer to one.
        </p>
      )}
      {group && (
        <GroupEditor
          group={group}
          depth={1}
          path={title}
          sources={sources}
          onChange={onChange}
        />
      )}
    </fieldset>
  );
}

function asGroup(condition: Condition): Group {
  return "all" in condition || "any" in condition
    ? condition
    : { all: [condition] };
}

function itemsOf(group: Group): Condition[] {
  return "all" in group ? group.all : group.any;
}

function withItems(group: Group, items: Condition[]): Group {
  return "all" in group ? { all: items } : { any: items };
}

function GroupEditor({
  group,
  depth,
  path,
  sources,
  onChange,
}: {
  group: Group;
  depth: number;
  path: string;
  sources: Field[];
  onChange: (group: Group) => void;
}) {
  const joinId = useId();
  const items = itemsOf(group);
  const mode = "all" in group ? "all" : "any";
  const replace = (index: number, next: Condition) =>
    onChange(
      withItems(
        group,
        items.map((item, i) => (i === index ? next : item)),
      ),
    );
  const remove = (index: number) =>
    onChange(
      withItems(
        group,
        items.filter((_, i) => i !== index),
      ),
    );

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-col gap-1">
        <label htmlFor={joinId} className="text-sm font-semibold">
          {depth === 1 ? "Match" : "Inner group: match"}
        </label>
        <select
          id={joinId}
          value={mode}
          className={selectClass}
          onChange={(event) =>
            onChange(
              event.target.value === "all" ? { all: items } : { any: items },
            )
          }
        >
          <option value="all">All rules (and)</option>
          <option value="any">Any rule (or)</option>
        </select>
      </div>
      <ol className="flex flex-col gap-3">
        {items.map((item, index) => {
          const name = `${path} rule ${index + 1}`;
          return (
            <li
              key={index}
              className="flex flex-col gap-2 border-l-4 border-border-subtle pl-3"
            >
              {"field" in item ? (
                <RuleEditor
                  rule={item}
                  name={name}
                  sources={sources}
                  onChange={(next) => replace(index, next)}
                />
              ) : (
                <GroupEditor
                  group={item}
                  depth={depth + 1}
                  path={name}
                  sources={sources}
                  onChange={(next) => replace(index, next)}
                />
              )}
              <Button
                variant="ghost"
                className="self-start"
                onClick={() => remove(index)}
                aria-label={`Remove ${name}`}
              >
                Remove
              </Button>
            </li>
          );
        })}
      </ol>
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          disabled={sources.length === 0}
          onClick={() =>
            onChange(withItems(group, [...items, newRule(sources)]))
          }
        >
          {depth === 1 ? "Add rule" : "Add rule to inner group"}
        </Button>
        {depth < MAX_DEPTH && (
          <Button
            variant="secondary"
            disabled={sources.length === 0}
            onClick={() =>
              onChange(
                withItems(group, [...items, { any: [newRule(sources)] }]),
              )
            }
          >
            Add inner group
          </Button>
        )}
      </div>
    </div>
  );
}

function RuleEditor({
  rule,
  name,
  sources,
  onChange,
}: {
  rule: FieldCondition;
  name: string;
  sources: Field[];
  onChange: (rule: FieldCondition) => void;
}) {
  const fieldId = useId();
  const opId = useId();
  const valueId = useId();
  const source = sources.find((field) => field.id === rule.field);
  const hasValue = !VALUELESS.includes(rule.op);

  function setOp(op: ConditionOp) {
    if (VALUELESS.includes(op)) {
      onChange({ field: rule.field, op });
    } else {
      onChange({
        field: rule.field,
        op,
        value: rule.value ?? defaultValue(source),
      });
    }
  }

  return (
    <div
      className="flex flex-wrap items-end gap-2"
      role="group"
      aria-label={name}
    >
      <div className="flex flex-col gap-1">
        <label htmlFor={fieldId} className="text-sm font-semibold">
          Question
        </label>
        <select
          id={fieldId}
          value={rule.field}
          className={selectClass}
          onChange={(event) => {
            const next = sources.find(
              (field) => field.id === event.target.value,
            );
            onChange(ruleFor(next, rule.op));
          }}
        >
          {source === undefined && (
            <option value={rule.field}>{rule.field} (missing)</option>
          )}
          {sources.map((field) => (
            <option key={field.id} value={field.id}>
              {field.label || field.id}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={opId} className="text-sm font-semibold">
          Operator
        </label>
        <select
          id={opId}
          value={rule.op}
          className={selectClass}
          onChange={(event) => setOp(event.target.value as ConditionOp)}
        >
          {CONDITION_OPS.map((op) => (
            <option key={op} value={op}>
              {OPERATOR_NAMES[op]}
            </option>
          ))}
        </select>
      </div>
      {hasValue && (
        <div className="flex flex-col gap-1">
          <label htmlFor={valueId} className="text-sm font-semibold">
            Value
          </label>
          <ValueInput
            id={valueId}
            source={source}
            value={rule.value}
            onChange={(value) => onChange({ ...rule, value })}
          />
        </div>
      )}
    </div>
  );
}

function ValueInput({
  id,
  source,
  value,
  onChange,
}: {
  id: string;
  source: Field | undefined;
  value: ConditionValue | undefined;
  onChange: (value: ConditionValue) => void;
}) {
  if (source?.type === "yesNo" || source?.type === "consent") {
    return (
      <select
        id={id}
        value={String(value === true)}
        className={selectClass}
        onChange={(event) => onChange(event.target.value === "true")}
      >
        <option value="true">Yes</option>
        <option value="false">No</option>
      </select>
    );
  }
  if (source?.type === "singleChoice" || source?.type === "multipleChoice") {
    return (
      <select
        id={id}
        value={String(value ?? "")}
        className={selectClass}
        onChange={(event) => onChange(event.target.value)}
      >
        {source.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    );
  }
  if (source?.type === "number") {
    return (
      <input
        id={id}
        type="number"
        step="any"
        value={typeof value === "number" ? value : ""}
        className={selectClass}
        onChange={(event) => {
          const number = Number(event.target.value);
          if (event.target.value !== "" && Number.isFinite(number)) {
            onChange(number);
          }
        }}
      />
    );
  }
  return (
    <input
      id={id}
      value={String(value ?? "")}
      maxLength={100}
      className={selectClass}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

function defaultValue(source: Field | undefined): ConditionValue {
  switch (source?.type) {
    case "yesNo":
    case "consent":
      return true;
    case "number":
      return 0;
    case "singleChoice":
    case "multipleChoice":
      return source.options[0]?.value ?? "";
    default:
      return "";
  }
}

function ruleFor(source: Field | undefined, op: ConditionOp): FieldCondition {
  const field = source?.id ?? "";
  if (VALUELESS.includes(op)) return { field, op };
  return { field, op, value: defaultValue(source) };
}

function newRule(sources: Field[]): FieldCondition {
  const source = sources[0];
  const op: ConditionOp =
    source && isInputField(source) && source.type !== "group"
      ? "equals"
      : "isNotEmpty";
  return ruleFor(source, op);
}
