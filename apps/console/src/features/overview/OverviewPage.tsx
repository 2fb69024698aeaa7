import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";

import type { TPeriod } from "@hcp/domain";

import { PageHeading } from "../../components/PageHeading";
import { QueryView } from "../../components/QueryView";
import { Refreshing } from "../../components/Refreshing";
import { Empty } from "../../components/StatusMessages";
import { hallToday, periodFromSearch, type TPeriodSearch } from "../../lib/period";
import { strings } from "../../lib/strings";
import { trpc } from "../../lib/trpc";
import { useDataMonths } from "../../lib/useDataMonths";
import { useCurrentUser } from "../auth/useCurrentUser";
import { ProvisionalMark } from "../calendar/ProvisionalMark";
import { DepartmentTable } from "./DepartmentTable";
import { EmptyPeriodNotice } from "./EmptyPeriodNotice";
import { Footnotes } from "./Footnotes";
import { LiveOverview } from "./LiveOverview";
import { LevelBreakdown, MetricCards } from "./MetricCards";
import { MonthlyTrend } from "./MonthlyTrend";
import { PeriodForm } from "./PeriodForm";
import { overviewStrings } from "./strings";
import { WindowTable } from "./WindowTable";
import { WorkOrderFigures } from "./WorkOrderFigures";

export interface OverviewPageProps {
  /** `?from=&to=` of the URL: the period is part of the address so it can be shared */
  search: TPeriodSearch;
  onPeriodChange: (period: TPeriod) => void;
}

/**
 * 大厅概况: today and this month live, then a chosen period's hall totals, window performance,
 * the year's monthly trend and departments.
 */
export function OverviewPage({ search, onPeriodChange }: OverviewPageProps) {
  const t = overviewStrings;
  const user = useCurrentUser();
  const [today] = useState(hallToday);
  const { period, invalid } = periodFromSearch(search, today);
  const year = Number(period.from.slice(0, 4));
  const dataMonths = useDataMonths();

  const overview = useQuery(trpc.overview.period.queryOptions(period, { placeholderData: keepPreviousData }));
  const departments = useQuery(trpc.overview.departments.queryOptions(period, { placeholderData: keepPreviousData }));
  const monthly = useQuery(trpc.overview.monthly.queryOptions({ year }, { placeholderData: keepPreviousData }));
  const refreshing = overview.isPlaceholderData || departments.isPlaceholderData;
  const workOrdersHall = useQuery(
    trpc.workOrder.metrics.queryOptions({ ...period, by: "hall" }, { placeholderData: keepPreviousData }),
  );
  const workOrdersByDepartment = useQuery(
    trpc.workOrder.metrics.queryOptions({ ...period, by: "department" }, { placeholderData: keepPreviousData }),
  );
  const catalogDepartments = useQuery(trpc.catalog.departments.queryOptions());
  const departmentNames = new Map(
    (catalogDepartments.data ?? []).map((department) => [department.id, department.name]),
  );

  return (
    <>
      <PageHeading title={t.title} />

      <LiveOverview />

      <section className="panel" aria-labelledby="period-heading">
        <h2 id="period-heading">{t.periodSection}</h2>
        <PeriodForm value={period} today={today} months={dataMonths ?? []} onChange={onPeriodChange} />
        {invalid ? (
          <p className="notice notice-warning" role="alert">
            {t.invalidSearch}
          </p>
        ) : null}
        {user?.role === "department_head" ? <p className="notice notice-info">{t.departmentScope}</p> : null}
      </section>

      <QueryView query={overview}>
        {(data) => (
          <div className={refreshing ? "is-refreshing" : undefined} aria-busy={refreshing || undefined}>
            <p className="period-summary" data-testid="period-summary">
              <strong>{t.periodLine(data.period.from, data.period.to)}</strong>
              <span className="muted">{t.daysLine(data.workingDays, data.calendarDays)}</span>
              <ProvisionalMark provisional={data.workingDaysProvisional} />
              {refreshing ? (
                <span className="muted" role="status">
                  {strings.app.loading}
                </span>
              ) : null}
            </p>
            {data.totals.validRatings === 0 && dataMonths !== undefined ? (
              <EmptyPeriodNotice months={dataMonths} period={period} today={today} onChange={onPeriodChange} />
            ) : null}

            <section aria-labelledby="metrics-heading" className="panel">
              <h2 id="metrics-heading">{t.metricsSection}</h2>
              <MetricCards overview={data} />
              <h3 id="levels-heading">{t.levelsSection}</h3>
              <LevelBreakdown byLevel={data.totals.byLevel} />
            </section>

            <section aria-labelledby="windows-heading" className="panel">
              <h2 id="windows-heading">{t.windowsSection}</h2>
              <WindowTable windows={data.windows} offWindow={data.offWindow} />
            </section>
          </div>
        )}
      </QueryView>

      <section aria-labelledby="trend-heading" className="panel">
        <h2 id="trend-heading">{t.trendSection(String(year))}</h2>
        <QueryView query={monthly}>
          {(months) => (months.length === 0 ? <Empty /> : <MonthlyTrend months={months} />)}
        </QueryView>
      </section>

      <section aria-labelledby="departments-heading" className="panel">
        <h2 id="departments-heading">{t.departmentsSection}</h2>
        <QueryView query={departments}>{(rows) => <DepartmentTable departments={rows} />}</QueryView>
      </section>

      <section aria-labelledby="work-orders-heading" className="panel">
        <h2 id="work-orders-heading">{overviewStrings.workOrderFigures.section}</h2>
        <QueryView query={workOrdersHall}>
          {(hall) => (
            <QueryView query={workOrdersByDepartment}>
              {(byDepartment) => (
                <Refreshing when={workOrdersHall.isPlaceholderData}>
                  <WorkOrderFigures
                    hall={hall.find((row) => row.key === null) ?? null}
                    departments={byDepartment}
                    departmentNames={departmentNames}
                    provisional={overview.data?.deadlinesProvisional.workOrders}
                  />
                </Refreshing>
              )}
            </QueryView>
          )}
        </QueryView>
      </section>

      {overview.data ? <Footnotes definitionsVersion={overview.data.definitionsVersion} /> : null}
    </>
  );
}
