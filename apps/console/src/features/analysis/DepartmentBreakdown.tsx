import type { TBreakdownRow } from "./analysis-types";
import { analysisStrings } from "./strings";
import type { TColumn } from "./DataTable";
import { DataTable } from "./DataTable";
import { metricColumns } from "./metric-columns";

const t = analysisStrings;

const COLUMNS: TColumn<TBreakdownRow>[] = [
  { id: "name", header: t.departmentName, rowHeader: true, cell: (row) => row.name },
  { id: "items", header: t.itemCount, definition: t.itemCountDefinition, cell: (row) => row.group },
  ...metricColumns<TBreakdownRow>(
    (row) => row.metrics,
    ["casesCompleted", "ratings", "ratedRate", "goodRate", "badRatings", "score", "onTimeCompletionRate"],
  ),
];

/** 部门: each stationed department's figures, busiest first. */
export function DepartmentBreakdown({ rows, labelledBy }: { rows: readonly TBreakdownRow[]; labelledBy: string }) {
  const sorted = [...rows].sort((a, b) => b.metrics.casesCompleted - a.metrics.casesCompleted || a.code.localeCompare(b.code));
  return <DataTable columns={COLUMNS} rows={sorted} rowKey={(row) => row.id ?? row.code} labelledBy={labelledBy} testId="department-breakdown" scroll />;
}
