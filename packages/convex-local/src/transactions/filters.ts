import { compareValues, jsonToConvex, type Value } from "convex/values";
import { readField, type Document } from "../storage/document-store";

/** A filter expression as `serializeExpression` writes it. */
export type FilterExpression = Record<string, unknown>;

/** Decodes a JSON value where `{$undefined: null}` stands for undefined. */
export function decodeOrUndefined(json: unknown): Value | undefined {
  if (
    json !== null &&
    typeof json === "object" &&
    !Array.isArray(json) &&
    Object.keys(json).length === 1 &&
    "$undefined" in json
  ) {
    return undefined;
  }
  return jsonToConvex(json as never);
}

function compare(a: Value | undefined, b: Value | undefined): number {
  return compareValues(a, b);
}

function arithmetic(
  op: string,
  left: Value | undefined,
  right: Value | undefined,
): Value {
  if (typeof left === "number" && typeof right === "number") {
    switch (op) {
      case "$add":
        return left + right;
      case "$sub":
        return left - right;
      case "$mul":
        return left * right;
      case "$div":
        return left / right;
      case "$mod":
        return left % right;
    }
  }
  if (typeof left === "bigint" && typeof right === "bigint") {
    switch (op) {
      case "$add":
        return BigInt.asIntN(64, left + right);
      case "$sub":
        return BigInt.asIntN(64, left - right);
      case "$mul":
        return BigInt.asIntN(64, left * right);
      case "$div":
        if (right === 0n) throw new Error("Division by zero in a filter");
        return left / right;
      case "$mod":
        if (right === 0n) throw new Error("Division by zero in a filter");
        return left % right;
    }
  }
  throw new Error(
    `Cannot apply ${op.slice(1)} to ${typeof left} and ${typeof right} in a filter`,
  );
}

/** Evaluates a filter expression against a document. */
export function evaluate(
  expression: unknown,
  doc: Document,
): Value | undefined {
  const expr = expression as FilterExpression;
  const [op] = Object.keys(expr);
  if (op === undefined) throw new Error("Empty filter expression");
  const operand = expr[op];
  const binary = () => {
    const [left, right] = operand as [unknown, unknown];
    return [evaluate(left, doc), evaluate(right, doc)] as const;
  };
  switch (op) {
    case "$field":
      return readField(doc, operand as string);
    case "$literal":
      return decodeOrUndefined(operand);
    case "$eq": {
      const [a, b] = binary();
      return compare(a, b) === 0;
    }
    case "$neq": {
      const [a, b] = binary();
      return compare(a, b) !== 0;
    }
    case "$lt": {
      const [a, b] = binary();
      return compare(a, b) < 0;
    }
    case "$lte": {
      const [a, b] = binary();
      return compare(a, b) <= 0;
    }
    case "$gt": {
      const [a, b] = binary();
      return compare(a, b) > 0;
    }
    case "$gte": {
      const [a, b] = binary();
      return compare(a, b) >= 0;
    }
    case "$add":
    case "$sub":
    case "$mul":
    case "$div":
    case "$mod": {
      const [a, b] = binary();
      return arithmetic(op, a, b);
    }
    case "$neg": {
      const value = evaluate(operand, doc);
      if (typeof value === "number") return -value;
      if (typeof value === "bigint") return BigInt.asIntN(64, -value);
      throw new Error(`Cannot negate ${typeof value} in a filter`);
    }
    case "$not":
      return evaluate(operand, doc) !== true;
    case "$and":
      return (operand as unknown[]).every(
        (item) => evaluate(item, doc) === true,
      );
    case "$or":
      return (operand as unknown[]).some(
        (item) => evaluate(item, doc) === true,
      );
    default:
      throw new Error(`Unknown filter operator ${op}`);
  }
}
