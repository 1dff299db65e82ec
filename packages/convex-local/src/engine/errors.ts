import type { ConvexJson } from "./types";

/**
 * A failed function call. `data` carries a thrown `ConvexError`'s data in
 * `convexToJson` form; `systemCode` marks failures of the backend rather
 * than of user code.
 */
export class FunctionError extends Error {
  constructor(
    message: string,
    readonly data?: ConvexJson,
    readonly systemCode?: string,
  ) {
    super(message);
    this.name = "FunctionError";
  }
}

const STACK_FRAMES = 8;

/**
 * Converts what a function threw into a `FunctionError`. A `ConvexError`
 * arrives with its data already serialized to a JSON string by the
 * `convex` runtime, so the string is parsed back here.
 */
export function toFunctionError(thrown: unknown): FunctionError {
  if (thrown instanceof FunctionError) return thrown;
  if (
    typeof thrown === "object" &&
    thrown !== null &&
    Symbol.for("ConvexError") in thrown
  ) {
    const error = thrown as { message: string; data: unknown };
    let data: ConvexJson = null;
    if (typeof error.data === "string") {
      try {
        data = JSON.parse(error.data) as ConvexJson;
      } catch {
        data = error.data;
      }
    }
    return new FunctionError(`Uncaught ConvexError: ${error.message}`, data);
  }
  if (thrown instanceof Error) {
    const frames = (thrown.stack ?? "")
      .split("\n")
      .filter((line) => line.trimStart().startsWith("at "))
      // Frames inside this backend do not point at the function's own code.
      .filter((line) => !line.includes("/convex-local/src/"))
      .slice(0, STACK_FRAMES);
    const header = `Uncaught ${thrown.name}: ${thrown.message}`;
    return new FunctionError([header, ...frames].join("\n"));
  }
  return new FunctionError(`Uncaught ${String(thrown)}`);
}

/**
 * Builds the rejection an async syscall returns so that the `convex`
 * runtime rethrows it as `Error(message)` or, with data, as `ConvexError`.
 */
export function syscallRejection(error: FunctionError): Error {
  const rejection = new Error(stripUncaught(error.message)) as Error & {
    data?: ConvexJson;
  };
  if (error.data !== undefined) rejection.data = error.data;
  return rejection;
}

function stripUncaught(message: string): string {
  const firstLine = message.split("\n")[0] ?? message;
  return firstLine.replace(/^Uncaught (ConvexError|Error): /, "");
}
