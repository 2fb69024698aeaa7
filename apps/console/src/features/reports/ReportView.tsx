import { RankingSection } from "./RankingTable";
import type { TMonthlyReport } from "./report-types";
import { AppendixSection, BadReviewSection, CoverageSection, RatingsSection, TopItemsSection } from "./ReportSections";
import { ReportSummary } from "./ReportSummary";
import { reportStrings } from "./strings";

/** The monthly report as a readable page, every section of TMonthlyReport in the report's order. */
export function ReportView({ report }: { report: TMonthlyReport }) {
  const t = reportStrings;
  const [year = "", month = ""] = report.month.split("-");
  const department = report.scope?.departmentName;
  return (
    <article className="report-document" aria-labelledby="report-title" data-testid="report-document">
      <header className="report-title-block">
        <h2 id="report-title" className="report-title">
          {t.reportTitle(report.hall.name, year, String(Number(month)))}
          {department ? t.departmentTitle(department) : null}
        </h2>
        <p className="muted">{t.definitionsLine(report.definitionsVersion)}</p>
      </header>
      <ReportSummary report={report} />
      <RatingsSection report={report} />
      <RankingSection report={report} kind="windows" />
      <RankingSection report={report} kind="departments" />
      <BadReviewSection report={report} />
      <TopItemsSection report={report} />
      <CoverageSection report={report} />
      <AppendixSection report={report} />
    </article>
  );
}
