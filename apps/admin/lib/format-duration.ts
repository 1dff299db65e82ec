const MINUTE_MS = 60_000;

/**
 * Formats a duration in milliseconds for staff: "under a minute",
 * "12 min" or "1 h 5 min". Negative durations, from clocks that
 * disagree, count as zero.
 */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.max(ms, 0) / MINUTE_MS);
  if (minutes < 1) return "under a minute";
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** Formats a share from 0 to 1 as a whole percentage, or "–" for null. */
export function formatRate(rate: number | null): string {
  return rate === null ? "–" : `${Math.round(rate * 100)}%`;
}
