/** Counts of one row of the analytics table. */
export interface Totals {
  views: number;
  visitors: number;
  starts: number;
  submissions: number;
  completionRate: number | null;
}

const metricNames = ["views", "visitors", "starts", "submissions"] as const;

/**
 * Returns the counts of visits that came through no poster: the form's
 * totals minus the sum of its posters' totals.
 */
export function unattributedTotals(form: Totals, posters: Totals[]): Totals {
  const rest = { ...form };
  for (const metric of metricNames) {
    const sum = posters.reduce((total, row) => total + row[metric], 0);
    rest[metric] = Math.max(form[metric] - sum, 0);
  }
  rest.completionRate =
    rest.starts === 0 ? null : rest.submissions / rest.starts;
  return rest;
}
