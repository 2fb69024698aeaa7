import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useCallback, useState } from "react";

import type { TPeriod } from "@hcp/domain";

import { PageHeading } from "../../components/PageHeading";
import { QueryView } from "../../components/QueryView";
import { Refreshing } from "../../components/Refreshing";
import { hallToday, type TPeriodSearch } from "../../lib/period";
import { trpc } from "../../lib/trpc";
import { useCurrentUser } from "../auth/useCurrentUser";
import { useMayCall } from "../auth/useMayCall";
import { ProvisionalDeadlinesNote } from "../calendar/ProvisionalDeadlinesNote";
import { overviewStrings } from "../overview/strings";
import { HonourLists } from "./HonourLists";
import { performancePeriod } from "./performance-search";
import { PeriodPicker } from "./PeriodPicker";
import { PopulationNote } from "./PopulationNote";
import { RankingTable } from "./RankingTable";
import { performanceStrings } from "./strings";
import type { TRankingRow } from "./types";

import "./performance.css";

export interface PerformancePageProps {
  search: TPeriodSearch;
  onPeriodChange: (period: TPeriod) => void;
}

/** 窗口绩效: every window ranked for a period, 红黑榜, 末位, and the way down to single ratings. */
export function PerformancePage({ search, onPeriodChange }: PerformancePageProps) {
  const t = performanceStrings;
  const user = useCurrentUser();
  const [today] = useState(hallToday);
  const { period, invalid } = performancePeriod(search, today);
  const ranking = useQuery(trpc.performance.windows.queryOptions(period, { placeholderData: keepPreviousData }));
  const canEditSettings = useMayCall("performance.updateRankingSettings");
  const renderWindowLink = useCallback(
    (row: TRankingRow) => (
      <Link
        to="/performance/windows/$windowId"
        params={{ windowId: String(row.window.id) }}
        search={period}
        data-testid="window-link"
      >
        {row.window.code} {row.window.name}
      </Link>
    ),
    [period],
  );

  return (
    <div className="performance-screen">
      <PageHeading title={t.title}>
        {canEditSettings ? (
          <Link to="/performance/settings" className="btn btn-secondary btn-small no-print">
            {t.settingsLink}
          </Link>
        ) : null}
      </PageHeading>

      <section className="panel no-print" aria-labelledby="performance-period-heading">
        <h2 id="performance-period-heading">{t.periodSection}</h2>
        <PeriodPicker value={period} onChange={onPeriodChange} />
        {invalid ? (
          <p className="notice notice-warning" role="alert">
            {t.period.invalidSearch}
          </p>
        ) : null}
        {user?.role === "department_head" ? (
          <p className="notice notice-info">{overviewStrings.departmentScope}</p>
        ) : null}
      </section>

      <QueryView query={ranking}>
        {(data) => (
          <Refreshing when={ranking.isPlaceholderData}>
            <p className="period-summary" data-testid="performance-period">
              <strong>{t.period.summary(data.period.from, data.period.to)}</strong>
              <span className="muted">
                {t.weightsLine(
                  data.settings.weights.satisfaction,
                  data.settings.weights.ratedRate,
                  data.settings.weights.onTimeCompletion,
                  data.settings.weights.workOrders,
                )}
              </span>
            </p>
            <section className="panel" aria-labelledby="honour-heading">
              <h2 id="honour-heading" className="sr-only">
                {t.red}／{t.black}
              </h2>
              <PopulationNote population={data.population} />
              <HonourLists ranking={data} />
              <p className="muted small">{t.honourNote}</p>
            </section>
            <section className="panel" aria-labelledby="ranking-heading">
              <h2 id="ranking-heading">{t.rankingSection}</h2>
              <p className="muted">{t.rankingCaption(data.settings.minSample)}</p>
              <ProvisionalDeadlinesNote deadlines={data.deadlinesProvisional} />
              <RankingTable rows={data.rows} renderWindowLink={renderWindowLink} />
              <p className="muted small">{t.lastTwoMonthsNote}</p>
            </section>
          </Refreshing>
        )}
      </QueryView>
    </div>
  );
}
