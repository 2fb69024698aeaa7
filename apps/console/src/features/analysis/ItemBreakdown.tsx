import type { TBreakdownRow } from "./analysis-types";
import { DataTable, type TColumn } from "./DataTable";
import { metricColumns } from "./metric-columns";
import { analysisStrings } from "./strings";

const t = analysisStrings;

const COLUMNS: TColumn<TBreakdownRow>[] = [
  { id: "code", header: t.itemCode, cell: (row) => <span className="mono">{row.code}</span> },
  { id: "name", header: t.itemName, rowHeader: true, cell: (row) => row.name },
  { id: "department", header: t.itemDepartment, cell: (row) => row.group },
  ...metricColumns<TBreakdownRow>(
    (row) => row.metrics,
    ["casesCompleted", "ratings", "ratedRate", "goodRate", "badRatings"],
  ),
];

/** 服务事项: the busiest items (the server sorts by volume), within a department when chosen. */
export function ItemBreakdown({ rows, labelledBy }: { rows: readonly TBreakdownRow[]; labelledBy: string }) {
  return (
    <DataTable
      columns={COLUMNS}
      rows={rows}
      rowKey={(row) => row.id ?? row.code}
      labelledBy={labelledBy}
      testId="item-breakdown"
      scroll
    />
  );
}
