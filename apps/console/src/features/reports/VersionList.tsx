import { DataTable, type TColumn } from "../analysis/DataTable";
import { formatDateTime } from "../work-orders/format";
import type { TReportVersionRow } from "./report-types";
import { reportStrings } from "./strings";

export interface VersionListProps {
  versions: readonly TReportVersionRow[];
  /** the version number on screen */
  shown: number | null;
  onOpen: (version: number) => void;
}

/** 存档版本: every version of the month, newest first; old versions stay readable. */
export function VersionList({ versions, shown, onOpen }: VersionListProps) {
  const t = reportStrings;
  const columns: TColumn<TReportVersionRow>[] = [
    { id: "version", header: t.version, numeric: true, rowHeader: true, cell: (row) => t.archived(row.version) },
    {
      id: "status",
      header: t.status,
      cell: (row) =>
        row.status === "generating" ? `${t.statuses.generating} ${String(row.progress)}%` : t.statuses[row.status],
    },
    { id: "createdAt", header: t.createdAt, cell: (row) => formatDateTime(row.createdAt) },
    { id: "finishedAt", header: t.finishedAt, cell: (row) => formatDateTime(row.finishedAt) },
    {
      id: "createdBy",
      header: t.createdBy,
      cell: (row) => (row.createdBy === null ? t.scheduler : t.person(row.createdBy)),
    },
    {
      id: "open",
      header: t.open,
      cell: (row) =>
        row.version === shown ? (
          <span className="tag tag-success">{t.current}</span>
        ) : row.status === "ready" ? (
          <button type="button" className="btn btn-secondary btn-small" onClick={() => onOpen(row.version)}>
            {t.open}
          </button>
        ) : null,
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={versions}
      rowKey={(row) => row.id}
      labelledBy="report-versions-heading"
      testId="report-versions"
      empty={t.versionsNone}
    />
  );
}
