import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { lazy, Suspense, useState } from "react";

import { PageHeading } from "../../components/PageHeading";
import { QueryView } from "../../components/QueryView";
import { Loading } from "../../components/StatusMessages";
import { defaultSummaryYear } from "../../lib/data-months";
import { hallToday } from "../../lib/period";
import { trpc } from "../../lib/trpc";
import { useDataMonths } from "../../lib/useDataMonths";
import type { TYearlySearch } from "./report-search";
import { reportStrings } from "./strings";
import { YearForm } from "./YearForm";
import { YearlyTable } from "./YearlyTable";

import "./reports.css";

// ECharts is the heaviest dependency: load it only when the chart is on screen.
const YearlyChart = lazy(() => import("./YearlyChart").then((module) => ({ default: module.YearlyChart })));

export interface YearlyPageProps {
  search: TYearlySearch;
  onYearChange: (year: number) => void;
  onOpenMonth: (month: string) => void;
}

/**
 * 年度汇总: the figures of the hall's annual report, month by month and for the year. Without a year
 * in the address it opens on the hall's latest year with data (this year when it has none).
 */
export function YearlyPage({ search, onYearChange, onOpenMonth }: YearlyPageProps) {
  const t = reportStrings;
  const [today] = useState(hallToday);
  const currentYear = Number(today.slice(0, 4));
  const dataMonths = useDataMonths();
  const year = search.year ?? (dataMonths === undefined ? undefined : defaultSummaryYear(currentYear, dataMonths));
  const yearly = useQuery(
    trpc.report.yearly.queryOptions(
      { year: year ?? currentYear },
      { enabled: year !== undefined, placeholderData: keepPreviousData },
    ),
  );

  return (
    <>
      <PageHeading title={t.yearlyTitle}>
        <Link to="/reports" className="btn btn-link no-print">
          {t.monthlyLink}
        </Link>
      </PageHeading>
      <section className="panel no-print" aria-labelledby="yearly-year-heading">
        <h2 id="yearly-year-heading">{t.year}</h2>
        {year === undefined ? (
          <Loading />
        ) : (
          <YearForm value={year} currentYear={currentYear} dataMonths={dataMonths ?? []} onChange={onYearChange} />
        )}
      </section>
      <QueryView query={yearly}>
        {(data) => (
          <article className="panel yearly-document" aria-labelledby="yearly-title" data-testid="yearly-document">
            <h2 id="yearly-title" className="report-title">
              {t.yearlyHeading(data.hall.name, data.year)}
            </h2>
            <p className="muted">{t.definitionsLine(data.definitionsVersion)}</p>
            <h3 id="yearly-chart-heading">{t.yearlyChart}</h3>
            <Suspense fallback={<Loading />}>
              <YearlyChart months={data.months} />
            </Suspense>
            <h3 id="yearly-table-heading">{t.yearlyTable}</h3>
            <YearlyTable yearly={data} onOpenMonth={onOpenMonth} />
          </article>
        )}
      </QueryView>
    </>
  );
}
