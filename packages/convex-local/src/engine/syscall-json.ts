/**
 * Checks the argument JSON of a syscall for lone UTF-16 surrogates, as
 * Convex does when it parses that JSON.
 *
 * The `convex` runtime sends every syscall argument as
 * `JSON.stringify(arg)`, which writes a lone surrogate as a `\uXXXX`
 * escape. Convex parses the text with serde_json (1.0.145 in its
 * Cargo.lock), which rejects such an escape, and throws
 * `Received invalid json: <serde_json error>` into the function
 * (`ExecutionScope::syscall` in crates/isolate/src/execution_scope.rs).
 * So a query value, filter literal or document with a lone surrogate fails
 * there before it reaches the database.
 */

/** First `\u` escape of a UTF-16 surrogate as `JSON.stringify` writes it. */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

/**
 * Throws Convex's error when `json` contains a lone surrogate escape.
 * The error names the position serde_json reports: the line, and the byte
 * column in UTF-8 where it stopped reading.
 */
export function checkSyscallJson(json: string): void {
  const error = loneSurrogateError(json);
  if (error !== null) throw new Error(`Received invalid json: ${error}`);
}

/**
 * Returns serde_json's error for the first lone surrogate escape in
 * `json`, such as `lone leading surrogate in hex escape at line 1 column
 * 12`, or null when there is none. Request bodies and sync messages reach
 * Convex through serde_json as well.
 */
export function loneSurrogateError(json: string): string | null {
  // Most texts contain no surrogate escape, so a single search settles them.
  if (!SURROGATE_ESCAPE.test(json)) return null;
  const error = findLoneSurrogate(json);
  if (error === null) return null;
  return `${error.reason} at ${position(json, error)}`;
}

type SurrogateError = {
  reason:
    "lone leading surrogate in hex escape" | "unexpected end of hex escape";
  /** UTF-16 index in `json` of the first character serde_json did not read. */
  index: number;
  /** Bytes read past `index`, when serde_json stopped inside a character. */
  extraBytes: number;
};

function hexAt(json: string, index: number): number {
  return Number.parseInt(json.slice(index, index + 4), 16);
}

const isLeading = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isTrailing = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/**
 * Walks the escapes of `json` as serde_json's `parse_unicode_escape` does
 * and returns where it fails, or null when every surrogate is paired.
 * Outside strings valid JSON has no backslash, so every backslash starts
 * an escape.
 */
function findLoneSurrogate(json: string): SurrogateError | null {
  let i = json.indexOf("\\");
  while (i !== -1) {
    if (json[i + 1] !== "u") {
      i = json.indexOf("\\", i + 2);
      continue;
    }
    const unit = hexAt(json, i + 2);
    const afterEscape = i + 6;
    if (isTrailing(unit)) {
      // serde_json reports a lone trailing surrogate with this text too.
      return {
        reason: "lone leading surrogate in hex escape",
        index: afterEscape,
        extraBytes: 0,
      };
    }
    if (!isLeading(unit)) {
      i = json.indexOf("\\", afterEscape);
      continue;
    }
    // A leading surrogate must be followed by a `\u` escape of a trailing
    // one. serde_json reads one byte past the first byte that breaks this.
    if (json[afterEscape] !== "\\") {
      return {
        reason: "unexpected end of hex escape",
        index: afterEscape,
        extraBytes: 1,
      };
    }
    if (json[afterEscape + 1] !== "u") {
      return {
        reason: "unexpected end of hex escape",
        index: afterEscape + 2,
        extraBytes: 0,
      };
    }
    if (!isTrailing(hexAt(json, afterEscape + 2))) {
      return {
        reason: "lone leading surrogate in hex escape",
        index: afterEscape + 6,
        extraBytes: 0,
      };
    }
    i = json.indexOf("\\", afterEscape + 6);
  }
  return null;
}

/** Formats serde_json's `line L column C` for the position of `error`. */
function position(json: string, error: SurrogateError): string {
  const lines = json.slice(0, error.index).split("\n");
  const column =
    Buffer.byteLength(lines[lines.length - 1]!, "utf8") + error.extraBytes;
  return `line ${lines.length} column ${column}`;
}
