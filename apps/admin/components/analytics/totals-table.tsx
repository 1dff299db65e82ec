import { formatRate } from "@/lib/format-duration";
import type { Totals } from "@/lib/poster-totals";

/** One labelled row of the totals table. */
export interface TotalsRow extends Totals {
  key: string;
  label: string;
}

/** Shows views, unique visitors, starts, submissions and completion rate per row. */
export function TotalsTable({
  caption,
  rowHeader,
  rows,
}: {
  caption: string;
  /** Heading of the first column, which names each row. */
  rowHeader: string;
  rows: TotalsRow[];
}) {
  return (
    <table className="w-full border-collapse text-left">
      <caption className="mb-2 text-left text-lg font-semibold">
        {caption}
      </caption>
      <thead>
        <tr className="border-border-subtle border-b">
          <th scope="col" className="py-2 pr-4">
            {rowHeader}
          </th>
          <th scope="col" className="py-2 pr-4 text-right">
            Views
          </th>
          <th scope="col" className="py-2 pr-4 text-right">
            Unique visitors
          </th>
          <th scope="col" className="py-2 pr-4 text-right">
            Starts
          </th>
          <th scope="col" className="py-2 pr-4 text-right">
            Submissions
          </th>
          <th scope="col" className="py-2 text-right">
            Completion rate
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className="border-border-subtle border-b">
            <th scope="row" className="py-2 pr-4 font-medium">
              {row.label}
            </th>
            <td className="py-2 pr-4 text-right tabular-nums">{row.views}</td>
            <td className="py-2 pr-4 text-right tabular-nums">
              {row.visitors}
            </td>
            <td className="py-2 pr-4 text-right tabular-nums">{row.starts}</td>
            <td className="py-2 pr-4 text-right tabular-nums">
              {row.submissions}
            </td>
            <td className="py-2 text-right tabular-nums">
              {formatRate(row.completionRate)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
