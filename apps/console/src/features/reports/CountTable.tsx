import { formatCount } from "../../lib/format";
import { DataTable, type TColumn } from "../analysis/DataTable";
import type { TReportCountRow } from "./report-types";
import { reportStrings } from "./strings";

export interface CountTableProps {
  /** names the heading and, as `${id}`, the table's test id */
  id: string;
  title: string;
  rows: readonly TReportCountRow[];
  /** the head of the first column: 评价等级, 评价渠道, 服务事项 … */
  label: string;
  /** what the share is a share of */
  shareDefinition: string;
}

/** A titled, counted list of the report (levels, channels, reasons, items, windows, work-order states). */
export function CountTable({ id, title, rows, label, shareDefinition }: CountTableProps) {
  const t = reportStrings;
  const columns: TColumn<TReportCountRow>[] = [
    { id: "label", header: label, rowHeader: true, cell: (row) => row.label },
    { id: "count", header: t.count, numeric: true, cell: (row) => formatCount(row.count) },
    { id: "share", header: t.share, definition: shareDefinition, numeric: true, cell: (row) => row.share },
  ];
  return (
    <div>
      <h3 id={id}>{title}</h3>
      <DataTable columns={columns} rows={rows} rowKey={(row) => row.key} labelledBy={id} testId={id} />
    </div>
  );
}
