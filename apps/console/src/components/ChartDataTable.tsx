import { Suspense, type ReactNode } from "react";

import { Loading } from "./StatusMessages";
import { TableHead } from "./Table";

export interface TChartColumn {
  label: string;
  /** right-aligned tabular figures */
  numeric?: boolean;
}

export interface TChartRow {
  key: string | number;
  /** the row's heading cell first, then one cell per further column */
  cells: readonly ReactNode[];
}

/**
 * A lazily loaded chart with its figures in a folded table beneath: for screen readers, for
 * copying, and for anyone who prints in black and white.
 */
export function ChartDataTable({
  chart,
  summary,
  columns,
  rows,
}: {
  chart: ReactNode;
  summary: string;
  columns: readonly TChartColumn[];
  rows: readonly TChartRow[];
}) {
  return (
    <>
      <Suspense fallback={<Loading />}>{chart}</Suspense>
      <details className="chart-table">
        <summary>{summary}</summary>
        <div className="table-wrap">
          <table className="data-table">
            <TableHead columns={columns} />
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  {row.cells.map((cell, index) =>
                    index === 0 ? (
                      <th key={index} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={index} className={columns[index]?.numeric ? "num" : undefined}>
                        {cell}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
