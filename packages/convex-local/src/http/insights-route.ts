import type { OccInsight } from "../transactions/insights.js";
import { requireAdmin } from "./authorization.js";
import type { ApiRequest } from "./function-routes.js";
import { sendJson } from "./io.js";

/**
 * One insight in the shape of the Convex dashboard's insight rows: the
 * kind, the function and its component (`null` for the root app), and the
 * counters in `details`.
 */
export type InsightJson = {
  kind: OccInsight["kind"];
  functionId: string;
  componentPath: string | null;
  details: {
    occCalls: number;
    occTableName: string;
    recentEvents: OccInsight["recentEvents"];
  };
};

/** Converts an engine insight to its JSON form. */
export function insightToJson(insight: OccInsight): InsightJson {
  return {
    kind: insight.kind,
    functionId: insight.functionPath,
    componentPath: insight.componentPath === "" ? null : insight.componentPath,
    details: {
      occCalls: insight.occCalls,
      occTableName: insight.occTableName,
      recentEvents: insight.recentEvents,
    },
  };
}

/**
 * `GET /api/local/insights` (admin): returns `{insights: InsightJson[]}`,
 * most calls first. Counters cover the life of this backend process.
 */
export async function listInsights(api: ApiRequest) {
  await requireAdmin(api.engine, api.request.headers.authorization);
  const insights = api.engine.insights().map(insightToJson);
  sendJson(api.response, 200, { insights });
}
