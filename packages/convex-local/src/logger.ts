/** A named logger that writes one line per message to stderr. */
export type Logger = {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
};

/**
 * Creates a logger whose lines read `<ISO time> <level> [<name>] <message>`.
 * Callers pass function names, request ids, timings and error messages only,
 * never argument values or documents.
 */
export function createLogger(name: string): Logger {
  const write = (level: string, message: string) => {
    // The clock reads through performance so a frozen function clock never
    // applies to log lines.
    const now = new Date(performance.timeOrigin + performance.now());
    const line = `${now.toISOString()} ${level} [${name}] ${message}\n`;
    process.stderr.write(line);
  };
  return {
    info: (message) => write("INFO", message),
    warn: (message) => write("WARN", message),
    error: (message) => write("ERROR", message),
  };
}
