/** One write conflict seen by a mutation attempt. */
export type OccEvent = {
  occ_document_id: string | null;
  occ_write_source: string | null;
  occ_retry_count: number;
};

/** Conflict counters for one function and table, as Convex's insights. */
export type OccInsight = {
  kind: "occRetried" | "occFailedPermanently";
  functionPath: string;
  componentPath: string;
  occTableName: string;
  occCalls: number;
  recentEvents: OccEvent[];
};

const RECENT_EVENTS = 10;

/** Counts OCC retries and permanent failures per function and table. */
export class OccInsights {
  private readonly entries = new Map<string, OccInsight>();

  /** Records one conflict; returns the updated insight. */
  record(
    kind: OccInsight["kind"],
    functionPath: string,
    componentPath: string,
    tableName: string,
    event: OccEvent,
  ): OccInsight {
    const key = JSON.stringify([kind, componentPath, functionPath, tableName]);
    let entry = this.entries.get(key);
    if (!entry) {
      entry = {
        kind,
        functionPath,
        componentPath,
        occTableName: tableName,
        occCalls: 0,
        recentEvents: [],
      };
      this.entries.set(key, entry);
    }
    entry.occCalls += 1;
    entry.recentEvents.push(event);
    if (entry.recentEvents.length > RECENT_EVENTS) entry.recentEvents.shift();
    return entry;
  }

  /** Lists every insight, most calls first. */
  list(): OccInsight[] {
    return [...this.entries.values()]
      .map((entry) => ({ ...entry, recentEvents: [...entry.recentEvents] }))
      .sort((a, b) => b.occCalls - a.occCalls);
  }
}

/** Renders an insight the way the Convex dashboard titles its row. */
export function describeInsight(insight: OccInsight): string {
  const title =
    insight.kind === "occRetried"
      ? "Retried due to write conflicts"
      : "Failed due to write conflicts";
  const times = insight.occCalls === 1 ? "time" : "times";
  return `${title}: ${insight.functionPath} ${insight.occCalls} ${times} in table ${insight.occTableName}`;
}

/**
 * Lets one log line through per key and interval and counts the lines it
 * holds back, so a hot document under load logs a few lines a minute
 * instead of one per retry. The counts in `OccInsights` stay complete.
 */
export class LogThrottle {
  private readonly keys = new Map<string, { at: number; held: number }>();

  constructor(private readonly intervalMs: number) {}

  /**
   * Returns null when the line for `key` is held back, or the number of
   * lines held back since the last one let through.
   */
  admit(key: string, now: number): number | null {
    const state = this.keys.get(key);
    if (state !== undefined && now - state.at < this.intervalMs) {
      state.held += 1;
      return null;
    }
    const held = state?.held ?? 0;
    this.keys.set(key, { at: now, held: 0 });
    return held;
  }
}
