import { formatCount } from "../../lib/format";
import { DataTable, type TColumn } from "../analysis/DataTable";
import { ProvisionalMark } from "../calendar/ProvisionalMark";
import type { TMonthlyReport, TReportComparison } from "./report-types";
import { reportStrings } from "./strings";

const t = reportStrings;

/** A change as text with its direction in words too, so it reads without colour. */
function Change({ text }: { text: string }) {
  const direction = text.startsWith("+") ? "is-up" : text.startsWith("-") ? "is-down" : undefined;
  return <span className={direction}>{text}</span>;
}

type TMonthFlags = TMonthlyReport["summary"]["deadlinesProvisional"]["onTimeCompletion"];

function comparisonColumns(definitions: Map<string, string>, onTime: TMonthFlags): TColumn<TReportComparison>[] {
  // 按时办结率 of a month whose due dates were counted on an unconfirmed year says so beside its value.
  const value = (row: TReportComparison, month: keyof TMonthFlags) => {
    const text = row[month].text;
    return row.key === "onTimeCompletionRate" && onTime[month] ? (
      <>
        {text} <ProvisionalMark provisional />
      </>
    ) : (
      text
    );
  };
  return [
    {
      id: "metric",
      header: t.metric,
      rowHeader: true,
      cell: (row) => <span title={definitions.get(row.key)}>{row.label}</span>,
    },
    { id: "current", header: t.thisMonth, numeric: true, cell: (row) => value(row, "current") },
    { id: "previous", header: t.previousMonthValue, numeric: true, cell: (row) => value(row, "previousMonth") },
    {
      id: "mom",
      header: t.changeVsPreviousMonth,
      definition: t.changeDefinition,
      numeric: true,
      cell: (row) => <Change text={row.changeVsPreviousMonth} />,
    },
    { id: "lastYear", header: t.lastYearValue, numeric: true, cell: (row) => value(row, "lastYear") },
    {
      id: "yoy",
      header: t.changeVsLastYear,
      definition: t.changeDefinition,
      numeric: true,
      cell: (row) => <Change text={row.changeVsLastYear} />,
    },
  ];
}

/** 一、概况: the month's volume and ratings, and every rate against last month and last year. */
export function ReportSummary({ report }: { report: TMonthlyReport }) {
  const summary = report.summary;
  const definitions = new Map(
    report.definitions.map((definition) => [definition.key as string, definition.definition]),
  );
  const figures: [string, string][] = [
    [t.cases, formatCount(summary.casesCompleted)],
    [t.dailyAverage, t.dailyAverageValue(summary.dailyAverage.perWorkingDay, summary.dailyAverage.perCalendarDay)],
    [t.ratings, formatCount(summary.ratings)],
    [t.validRatings, formatCount(summary.validRatings)],
    [t.badRatings, formatCount(summary.badRatings)],
  ];
  return (
    <section className="report-section" aria-labelledby="report-summary">
      <h2 id="report-summary">{t.sections.summary}</h2>
      <p>
        {t.periodLine(report.period.from, report.period.to, summary.workingDays, summary.calendarDays)}{" "}
        <ProvisionalMark provisional={summary.workingDaysProvisional.current} />
      </p>
      {summary.workingDaysProvisional.previousMonth || summary.workingDaysProvisional.lastYear ? (
        <p className="muted small" data-testid="report-provisional-comparison">
          {t.provisionalCompared(summary.workingDaysProvisional.previousMonth, summary.workingDaysProvisional.lastYear)}
        </p>
      ) : null}
      <dl className="report-figures" data-testid="report-figures">
        {figures.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <DataTable
        columns={comparisonColumns(definitions, summary.deadlinesProvisional.onTimeCompletion)}
        rows={summary.comparisons}
        rowKey={(row) => row.key}
        labelledBy="report-summary"
        testId="report-comparison"
      />
    </section>
  );
}
