import type { ReactNode } from "react";

import { formatCount } from "../../lib/format";
import { ColumnHeading } from "./ColumnHeading";
import type { TColumnKey } from "./definitions";
import { performanceStrings } from "./strings";
import type { TDrillDownRow } from "./types";

const t = performanceStrings;

interface TColumn {
  key: TColumnKey;
  label: string;
  numeric?: boolean;
  cell: (row: TDrillDownRow) => ReactNode;
}

/**
 * Staff or service items with their figures, in the server's order (busiest first). `kind`
 * names the first three columns; `renderName` links a row to the next drill-down step.
 */
export function NamedMetricsTable({
  kind,
  rows,
  renderName,
}: {
  kind: "staff" | "items";
  rows: readonly TDrillDownRow[];
  renderName: (row: TDrillDownRow) => ReactNode;
}) {
  const columns: TColumn[] = [
    kind === "staff"
      ? { key: "badge", label: t.badge, cell: (row) => row.code || t.noComment }
      : { key: "itemCode", label: t.itemCode, cell: (row) => <span className="mono">{row.code}</span> },
    kind === "staff"
      ? { key: "staffName", label: t.staffName, cell: renderName }
      : { key: "itemName", label: t.itemName, cell: renderName },
    { key: "department", label: t.department, cell: (row) => row.group },
    {
      key: "casesCompleted",
      label: t.columns.cases,
      numeric: true,
      cell: (row) => formatCount(row.metrics.casesCompleted),
    },
    { key: "ratings", label: t.columns.ratings, numeric: true, cell: (row) => formatCount(row.metrics.ratings) },
    { key: "ratedRate", label: t.columns.ratedRate, numeric: true, cell: (row) => row.metrics.ratedRate.text },
    { key: "goodRate", label: t.columns.goodRate, numeric: true, cell: (row) => row.metrics.goodRate.text },
    {
      key: "badRatings",
      label: t.columns.badReviews,
      numeric: true,
      cell: (row) => formatCount(row.metrics.badRatings),
    },
    {
      key: "onTimeCompletionRate",
      label: t.columns.onTimeCompletion,
      numeric: true,
      cell: (row) => row.metrics.onTimeCompletionRate.text,
    },
  ];
  return (
    <div className="table-wrap">
      <table className="data-table" aria-label={kind === "staff" ? t.staffSection : t.itemsSection}>
        <thead>
          <tr>
            {columns.map((column) => (
              <ColumnHeading
                key={column.key}
                tableId={kind}
                column={column.key}
                label={column.label}
                numeric={column.numeric}
              />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id ?? "none"} data-testid={`${kind}-row`}>
              {columns.map((column) => (
                <td key={column.key} className={column.numeric ? "num" : undefined}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
