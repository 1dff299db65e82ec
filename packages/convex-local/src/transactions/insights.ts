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
