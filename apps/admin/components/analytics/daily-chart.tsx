"use client";

import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

/** One UTC day of `stats:forForm`'s daily series. */
export interface DailyPoint {
  date: string;
  views: number;
  visitors: number;
  starts: number;
  submissions: number;
}

const series = [
  { key: "views", name: "Views", color: "#1d4ed8", dash: undefined },
  { key: "visitors", name: "Unique visitors", color: "#7c3aed", dash: "6 3" },
  { key: "starts", name: "Starts", color: "#b45309", dash: "2 2" },
  {
    key: "submissions",
    name: "Submissions",
    color: "#047857",
    dash: undefined,
  },
] as const;

/**
 * Draws the daily counts as lines. The dash patterns tell the series
 * apart without colour. The chart is hidden from screen readers, which
 * read the table that the analytics page shows next to it.
 */
export default function DailyChart({ data }: { data: DailyPoint[] }) {
  return (
    <div aria-hidden="true" className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart
          data={data}
          margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
          <XAxis
            dataKey="date"
            tickFormatter={(date: string) => date.slice(5)}
          />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          {series.map((line) => (
            <Line
              key={line.key}
              type="monotone"
              dataKey={line.key}
              name={line.name}
              stroke={line.color}
              strokeDasharray={line.dash}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
