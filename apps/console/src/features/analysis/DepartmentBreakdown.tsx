import { ProvisionalMark } from "../calendar/ProvisionalMark";
import type { TDepartmentRow } from "./analysis-types";
import { DataTable, type TColumn } from "./DataTable";
import { definedColumn, metricColumns } from "./metric-columns";
import { analysisStrings } from "./strings";

const t = analysisStrings;

const COLUMNS: TColumn<TDepartmentRow>[] = [
  { id: "name", header: t.departmentName, rowHeader: true, cell: (row) => row.name },
  { id: "items", header: t.itemCount, definition: t.itemCountDefinition, cell: (row) => row.group },
  ...metricColumns<TDepartmentRow>(
    (row) => row.metrics,
    ["casesCompleted", "ratings", "ratedRate", "goodRate", "badRatings", "score"],
  ),
  // A department whose 承诺件 due dates were counted across a year without a confirmed schedule says so.
  definedColumn<TDepartmentRow>("onTimeCompletionRate", (row) => (
    <>
      {row.metrics.onTimeCompletionRate.text} <ProvisionalMark provisional={row.onTimeCompletionProvisional} />
    </>
  )),
];

/** 部门: each stationed department's figures, busiest first. */
export function DepartmentBreakdown({ rows, labelledBy }: { rows: readonly TDepartmentRow[]; labelledBy: string }) {
  const sorted = [...rows].sort(
    (a, b) => b.metrics.casesCompleted - a.metrics.casesCompleted || a.code.localeCompare(b.code),
  );
  return (
    <DataTable
      columns={COLUMNS}
      rows={sorted}
      rowKey={(row) => row.id ?? row.code}
      labelledBy={labelledBy}
      testId="department-breakdown"
      scroll
    />
  );
}
