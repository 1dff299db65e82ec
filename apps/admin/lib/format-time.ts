const dateTime = new Intl.DateTimeFormat(undefined, {
  dateStyle: "medium",
  timeStyle: "short",
});

/** Formats milliseconds since the epoch as a local date and time. */
export function formatDateTime(epochMs: number): string {
  return dateTime.format(new Date(epochMs));
}

/** Formats milliseconds since the epoch for a `<time dateTime>` attribute. */
export function isoDateTime(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
