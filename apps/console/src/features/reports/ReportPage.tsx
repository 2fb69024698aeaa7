import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";

import { PageHeading } from "../../components/PageHeading";
import { QueryView } from "../../components/QueryView";
import { InlineError, Loading } from "../../components/StatusMessages";
import { defaultReportMonth } from "../../lib/data-months";
import { hallToday } from "../../lib/period";
import { trpc } from "../../lib/trpc";
import { useDataMonths } from "../../lib/useDataMonths";
import { useCurrentUser } from "../auth/useCurrentUser";
import { useMayCall } from "../auth/useMayCall";
import { ProvisionalMark } from "../calendar/ProvisionalMark";
import { ArchiveStatus } from "./ArchiveStatus";
import { DownloadLinks } from "./DownloadLinks";
import { GenerationProgress } from "./GenerationProgress";
import { MonthForm } from "./MonthForm";
import type { TReportSearch } from "./report-search";
import type { TMonthlyReport, TReportVersionRow } from "./report-types";
import { ReportView } from "./ReportView";
import { reportStrings } from "./strings";
import { useReportGeneration } from "./useReportGeneration";
import { VersionList } from "./VersionList";

import "./reports.css";

export interface ReportPageProps {
  /** `?month=yyyy-mm&version=N`: the month and version are part of the address */
  search: TReportSearch;
  onSearchChange: (search: TReportSearch) => void;
}

/**
 * The report of one version: the version's own query when the URL names one, the month's current
 * report (newest archived version, or live) otherwise.
 */
function useShownReport(month: string, versionRow: TReportVersionRow | undefined, wantsVersion: boolean) {
  const monthly = useQuery(
    trpc.report.monthly.queryOptions({ month }, { enabled: !wantsVersion, placeholderData: keepPreviousData }),
  );
  const version = useQuery(
    trpc.report.version.queryOptions(
      { id: versionRow?.id ?? 0 },
      { enabled: wantsVersion && versionRow !== undefined },
    ),
  );
  if (!wantsVersion) return { query: monthly, versionNumber: monthly.data?.version ?? null };
  // An older version named in the address is read as it is; the recount is offered on the month's newest.
  return {
    query: { ...version, data: version.data?.report ? { report: version.data.report, recountable: false } : undefined },
    versionNumber: versionRow?.version ?? null,
  };
}

/**
 * 月度满意度报告: pick a month, read the report, its versions, regenerate it, download it. Without a
 * month in the address it opens on the hall's latest closed month with data, once that is known.
 */
export function ReportPage({ search, onSearchChange }: ReportPageProps) {
  const [today] = useState(hallToday);
  const currentMonth = today.slice(0, 7);
  const dataMonths = useDataMonths();
  const month = search.month ?? (dataMonths === undefined ? undefined : defaultReportMonth(currentMonth, dataMonths));
  if (month === undefined) return <Loading />;
  return (
    <MonthReport
      search={search}
      onSearchChange={onSearchChange}
      month={month}
      currentMonth={currentMonth}
      dataMonths={dataMonths ?? []}
    />
  );
}

interface MonthReportProps extends ReportPageProps {
  month: string;
  currentMonth: string;
  dataMonths: readonly string[];
}

function MonthReport({ search, onSearchChange, month, currentMonth, dataMonths }: MonthReportProps) {
  const t = reportStrings;
  const user = useCurrentUser();
  // The archive is hall-wide: a department head reads a live report of their department only.
  const hallReader = useMayCall("report.versions");
  const canRegenerate = useMayCall("report.regenerate");

  const versions = useQuery(trpc.report.versions.queryOptions({ month }, { enabled: hallReader }));
  const requested =
    search.version === undefined
      ? undefined
      : versions.data?.find((row) => row.version === search.version && row.status === "ready");
  // A version the month does not have (or a list that failed) falls back to the month's current report.
  const versionMissing =
    search.version !== undefined && (versions.isError || (versions.data !== undefined && requested === undefined));
  const wantsVersion = hallReader && search.version !== undefined && !versionMissing;
  const shown = useShownReport(month, requested, wantsVersion);
  const generation = useReportGeneration(month, versions.data, () => onSearchChange({ month }));

  const shownVersionNumber = shown.versionNumber;
  const shownVersion = versions.data?.find((row) => row.version === shownVersionNumber) ?? null;

  return (
    <>
      <PageHeading title={t.title}>
        <Link to="/reports/yearly" search={{ year: Number(month.slice(0, 4)) }} className="btn btn-link no-print">
          {t.yearlyLink}
        </Link>
      </PageHeading>

      <section className="panel no-print" aria-labelledby="report-month-heading">
        <h2 id="report-month-heading">{t.monthSection}</h2>
        <MonthForm
          value={month}
          currentMonth={currentMonth}
          dataMonths={dataMonths}
          onChange={(next) => onSearchChange({ month: next })}
        />
        {versionMissing && search.version !== undefined ? (
          <p className="notice notice-warning" role="alert">
            {t.versionMissing(search.version)}
          </p>
        ) : null}
      </section>

      <QueryView query={shown.query}>
        {({ report, recountable }: { report: TMonthlyReport; recountable: boolean }) => (
          <>
            <section className="panel no-print report-toolbar" aria-label={t.downloadsSection}>
              <ArchiveStatus
                report={report}
                version={shownVersionNumber === null ? null : shownVersion}
                currentUserId={user?.id}
              />
              {recountable ? (
                <p className="notice notice-warning" data-testid="report-recountable">
                  <ProvisionalMark provisional /> {t.recountable}
                </p>
              ) : null}
              <DownloadLinks
                hallId={report.hall.id}
                month={report.month}
                version={shownVersionNumber}
                withCsv={hallReader}
              />
              {canRegenerate ? (
                <div className="report-regenerate">
                  <button
                    type="button"
                    className="btn btn-primary"
                    disabled={generation.pending || generation.tracked?.status === "generating"}
                    onClick={generation.regenerate}
                  >
                    {generation.pending ? t.regenerating : t.regenerate}
                  </button>
                  <span className="muted small">{t.regenerateHelp}</span>
                  <InlineError message={generation.error} />
                </div>
              ) : null}
              <GenerationProgress version={generation.tracked} />
            </section>
            <div className="panel report-panel">
              <ReportView report={report} />
            </div>
          </>
        )}
      </QueryView>

      {hallReader ? (
        <section className="panel no-print" aria-labelledby="report-versions-heading">
          <h2 id="report-versions-heading">{t.versionsSection}</h2>
          <QueryView query={versions}>
            {(rows) => (
              <VersionList
                versions={rows}
                shown={shownVersionNumber}
                onOpen={(version) => onSearchChange({ month, version })}
              />
            )}
          </QueryView>
        </section>
      ) : null}
    </>
  );
}
