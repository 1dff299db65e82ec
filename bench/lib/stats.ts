/** Returns the `p`-th percentile (0 to 100) of `values`, nearest rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Formats milliseconds with one decimal. */
export function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}

/** Formats a rate per second with no decimals. */
export function perSecond(value: number): string {
  return `${Math.round(value)}/s`;
}

/** Formats bytes as MiB with one decimal. */
export function mebibytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** Runs `worker(index)` for `count` workers at once and waits for all. */
export async function runWorkers(
  count: number,
  worker: (index: number) => Promise<void>,
): Promise<void> {
  await Promise.all(Array.from({ length: count }, (_, index) => worker(index)));
}

/** Renders rows as a Markdown table with aligned columns. */
export function renderTable(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(" | ")} |`;
  const divider = `|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`;
  return [line(header), divider, ...rows.map(line)].join("\n");
}
