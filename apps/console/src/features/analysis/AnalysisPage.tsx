import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";

import type { TPeriod } from "@hcp/domain";

import { PageHeading } from "../../components/PageHeading";
import { QueryView } from "../../components/QueryView";
import { hallToday, periodFromSearch, presetPeriod } from "../../lib/period";
import { trpc } from "../../lib/trpc";
import { useDataMonths } from "../../lib/useDataMonths";
import { useCurrentUser } from "../auth/useCurrentUser";
import { PeriodForm } from "../overview/PeriodForm";
import type { TAnalysisSearch, TAnalysisView } from "./analysis-search";
import { AnalysisTabs, panelId, tabId } from "./AnalysisTabs";
import { ChannelBreakdown } from "./ChannelBreakdown";
import { CoverageBreakdown } from "./CoverageBreakdown";
import { DepartmentBreakdown } from "./DepartmentBreakdown";
import { DepartmentFilter } from "./DepartmentFilter";
import { ItemBreakdown } from "./ItemBreakdown";
import { ReasonBreakdown } from "./ReasonBreakdown";
import { analysisStrings } from "./strings";

import "./analysis.css";

/** The server lists at most this many items (packages/api itemPerformance). */
const ITEM_LIMIT = 200;

export interface AnalysisPageProps {
  /** `?view=&from=&to=&dept=`: the dimension and period are part of the address */
  search: TAnalysisSearch;
  onSearchChange: (search: TAnalysisSearch) => void;
}

/** One breakdown at a time; only the open tab's figures are fetched. */
function ViewPanel({
  view,
  period,
  search,
  onSearchChange,
  labelledBy,
}: {
  view: TAnalysisView;
  period: TPeriod;
  search: TAnalysisSearch;
  onSearchChange: (search: TAnalysisSearch) => void;
  labelledBy: string;
}): ReactNode {
  const options = { placeholderData: keepPreviousData };
  const departments = useQuery(
    trpc.performance.departments.queryOptions(period, { ...options, enabled: view === "departments" }),
  );
  const items = useQuery(
    trpc.performance.items.queryOptions(
      { ...period, departmentId: search.dept },
      { ...options, enabled: view === "items" },
    ),
  );
  const channels = useQuery(
    trpc.performance.channels.queryOptions(period, { ...options, enabled: view === "channels" }),
  );
  const reasons = useQuery(trpc.performance.reasons.queryOptions(period, { ...options, enabled: view === "reasons" }));
  const coverage = useQuery(
    trpc.performance.coverage.queryOptions(period, { ...options, enabled: view === "coverage" }),
  );
  const catalogDepartments = useQuery(trpc.catalog.departments.queryOptions(undefined, { enabled: view === "items" }));
  const user = useCurrentUser();

  switch (view) {
    case "departments":
      return (
        <QueryView query={departments}>
          {(rows) => <DepartmentBreakdown rows={rows} labelledBy={labelledBy} />}
        </QueryView>
      );
    case "items":
      return (
        <>
          {user?.role === "department_head" ? null : (
            <QueryView query={catalogDepartments}>
              {(rows) => (
                <DepartmentFilter
                  departments={rows}
                  value={search.dept}
                  onChange={(dept) => onSearchChange({ ...search, view, dept })}
                />
              )}
            </QueryView>
          )}
          <p className="muted">{analysisStrings.itemsIntro(ITEM_LIMIT)}</p>
          <QueryView query={items}>{(rows) => <ItemBreakdown rows={rows} labelledBy={labelledBy} />}</QueryView>
        </>
      );
    case "channels":
      return (
        <QueryView query={channels}>{(rows) => <ChannelBreakdown rows={rows} labelledBy={labelledBy} />}</QueryView>
      );
    case "reasons":
      return <QueryView query={reasons}>{(rows) => <ReasonBreakdown rows={rows} labelledBy={labelledBy} />}</QueryView>;
    case "coverage":
      return (
        <QueryView query={coverage}>
          {(data) => <CoverageBreakdown coverage={data} labelledBy={labelledBy} />}
        </QueryView>
      );
  }
}

/** 统计分析: the hall's figures by department, service item, channel, reason code and coverage. */
export function AnalysisPage({ search, onSearchChange }: AnalysisPageProps) {
  const t = analysisStrings;
  const user = useCurrentUser();
  const [today] = useState(hallToday);
  // Breakdowns of a single day are thin: the page opens on the month so far.
  const { period, invalid } = periodFromSearch(search, today, presetPeriod("month", today));
  const view = search.view ?? "departments";
  const dataMonths = useDataMonths();

  return (
    <>
      <PageHeading title={t.title} />

      <section className="panel" aria-labelledby="analysis-period-heading">
        <h2 id="analysis-period-heading">{t.periodSection}</h2>
        <PeriodForm
          value={period}
          today={today}
          months={dataMonths ?? []}
          onChange={(next) => onSearchChange({ ...search, ...next })}
        />
        {invalid ? (
          <p className="notice notice-warning" role="alert">
            {t.invalidSearch}
          </p>
        ) : null}
        {user?.role === "department_head" ? <p className="notice notice-info">{t.departmentScope}</p> : null}
      </section>

      <section className="panel" aria-label={t.tabsLabel}>
        <AnalysisTabs active={view} onSelect={(next) => onSearchChange({ ...search, view: next })} />
        <div id={panelId(view)} role="tabpanel" aria-labelledby={tabId(view)}>
          <p className="muted small">{t.definitionHint}</p>
          <ViewPanel
            view={view}
            period={period}
            search={search}
            onSearchChange={onSearchChange}
            labelledBy={tabId(view)}
          />
        </div>
      </section>
    </>
  );
}
