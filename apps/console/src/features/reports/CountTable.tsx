import { formatCount } from "../../lib/format";
import type { TColumn } from "../analysis/DataTable";
import { DataTable } from "../analysis/DataTable";
import type { TReportCountRow } from "./report-types";
import { reportStrings } from "./report-strings";

export interface CountTableProps {
  rows: readonly TReportCountRow[];
  /** the head of the first column: 评价等级, 评价渠道, 服务事项 … */
  label: string;
  /** what the share is a share of */
  shareDefinition: string;
  labelledBy: string;
  testId?: string;
}

/** A counted list of the report (levels, channels, reasons, items, windows, work-order states). */
export function CountTable({ rows, label, shareDefinition, labelledBy, testId }: CountTableProps) {
  const t = reportStrings;
  const columns: TColumn<TReportCountRow>[] = [
    { id: "label", header: label, rowHeader: true, cell: (row) => row.label },
    { id: "count", header: t.count, numeric: true, cell: (row) => formatCount(row.count) },
    { id: "share", header: t.share, definition: shareDefinition, numeric: true, cell: (row) => row.share },
  ];
  return <DataTable columns={columns} rows={rows} rowKey={(row) => row.key} labelledBy={labelledBy} testId={testId} />;
}
