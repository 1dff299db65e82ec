/**
 * Tracks which ids of a live list arrived after the first result, so the
 * inbox can announce and mark new submissions without re-announcing the
 * backlog on page load.
 */
export class ArrivalTracker {
  private seen: Set<string> | null = null;

  /**
   * Records the current ids and returns those not seen before. The first
   * call only records, and returns an empty list.
   */
  update(ids: readonly string[]): string[] {
    if (this.seen === null) {
      this.seen = new Set(ids);
      return [];
    }
    const seen = this.seen;
    const arrived = ids.filter((id) => !seen.has(id));
    for (const id of arrived) {
      seen.add(id);
    }
    return arrived;
  }
}

/** Sentence for the live region when submissions arrive. */
export function announceArrivals(references: readonly string[]): string {
  if (references.length === 0) {
    return "";
  }
  if (references.length === 1) {
    return `New submission, reference ${references[0]}.`;
  }
  return `${references.length} new submissions, references ${references.join(", ")}.`;
}
