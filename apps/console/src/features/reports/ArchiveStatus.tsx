import { formatDateTime } from "../work-orders/format";
import type { TMonthlyReport, TReportVersionRow } from "./report-types";
import { reportStrings } from "./strings";

export interface ArchiveStatusProps {
  report: TMonthlyReport;
  /** the archived version shown, or null for a live preview */
  version: TReportVersionRow | null;
  currentUserId: number | undefined;
}

/** Who made what is on screen: 存档第 N 版 (when, by the scheduler or whom) or 实时预览. */
export function ArchiveStatus({ report, version, currentUserId }: ArchiveStatusProps) {
  const t = reportStrings;
  if (!version) {
    return (
      <div className="notice notice-warning report-status" data-testid="report-status">
        <strong className="tag tag-neutral">{t.live}</strong>
        <span>{report.scope?.departmentId ? t.departmentLive : t.liveLine(formatDateTime(report.generatedAt))}</span>
      </div>
    );
  }
  const by =
    version.createdBy === null
      ? t.byScheduler
      : version.createdBy === currentUserId
        ? t.byYou
        : t.byUser(version.createdBy);
  return (
    <div className="notice notice-info report-status" data-testid="report-status">
      <strong className="tag tag-info">{t.archived(version.version)}</strong>
      <span>{t.archivedLine(formatDateTime(version.finishedAt ?? report.generatedAt), by)}</span>
      <span>{t.definitionsLine(version.definitionsVersion)}</span>
    </div>
  );
}
