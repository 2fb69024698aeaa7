import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useState } from "react";

import type { RouterOutputs } from "@hcp/api";
import type { TPeriod } from "@hcp/domain";

import { PageHeading } from "../../../components/PageHeading";
import { QueryView } from "../../../components/QueryView";
import { Refreshing } from "../../../components/Refreshing";
import { InlineError } from "../../../components/StatusMessages";
import { Table } from "../../../components/Table";
import { errorMessage } from "../../../lib/errors";
import { formatCount, formatTime } from "../../../lib/format";
import { hallToday, type TPeriodSearch } from "../../../lib/period";
import { trpc } from "../../../lib/trpc";
import { useCurrentUser } from "../../auth/useCurrentUser";
import { useLiveInvalidation } from "../../overview/useLiveOverview";
import { performancePeriod } from "../../performance/performance-search";
import { PeriodPicker } from "../../performance/PeriodPicker";
import { useActIn } from "../scope/useActIn";
import { countyViewStrings as t } from "./strings";

import "../../performance/performance.css";

type TOverview = RouterOutputs["county"]["overview"];
type TFigures = TOverview["total"]["today"];
type THallRanking = RouterOutputs["county"]["hallRanking"];
type TWindowRanking = RouterOutputs["county"]["windowRanking"];

export interface TCountySearch extends TPeriodSearch {
  hallId?: number;
}

export interface CountyPageProps {
  search: TCountySearch;
  onSearchChange: (search: TCountySearch) => void;
}

/** Re-reads the county's figures after each rating in any of its halls; when, if ever. */
function useLiveCounty(): Date | null {
  const live = useLiveInvalidation(() => [
    trpc.county.overview.pathKey(),
    trpc.county.hallRanking.pathKey(),
    trpc.county.windowRanking.pathKey(),
  ]);
  useSubscription(trpc.county.events.subscriptionOptions(undefined, { onData: live.onData }));
  return live.refreshedAt;
}

function FigureCells({ figures, testId }: { figures: TFigures; testId: string }) {
  return (
    <>
      <td className="num" data-testid={`${testId}-cases`}>
        {formatCount(figures.metrics.casesCompleted)}
      </td>
      <td className="num" data-testid={`${testId}-ratings`}>
        {formatCount(figures.metrics.ratings)}
      </td>
      <td className="num">{figures.metrics.goodRate.text}</td>
      <td className="num">{figures.metrics.ratedRate.text}</td>
      <td className="num">{formatCount(figures.openWorkOrders)}</td>
      <td className="num">{formatCount(figures.overdueWorkOrders)}</td>
    </>
  );
}

const FIGURE_COLUMNS = [t.cases, t.ratings, t.goodRate, t.ratedRate, t.openWorkOrders, t.overdueWorkOrders].map(
  (label) => ({ label, numeric: true }),
);

function OverviewTable({ overview, which }: { overview: TOverview; which: "today" | "month" }) {
  const showDevices = overview.total.evaluators !== null;
  const devices = (value: TOverview["total"]["evaluators"]) =>
    value ? <td className="num">{t.offlineValue(value.offline, value.paired)}</td> : null;
  return (
    <Table
      caption={which === "today" ? t.today : t.month}
      columns={[t.hall, ...FIGURE_COLUMNS, showDevices ? { label: t.offlineEvaluators, numeric: true } : null]}
      apart={{
        className: "table-total",
        rows: (
          <tr data-testid={`county-${which}-total`}>
            <th scope="row">{t.total}</th>
            <FigureCells figures={overview.total[which]} testId={`county-${which}-total`} />
            {devices(overview.total.evaluators)}
          </tr>
        ),
      }}
    >
      {overview.halls.map((row) => (
        <tr key={row.hall.id} data-testid="county-hall-row">
          <th scope="row">{row.hall.name}</th>
          <FigureCells figures={row[which]} testId={`county-${which}-${row.hall.id}`} />
          {devices(row.evaluators)}
        </tr>
      ))}
    </Table>
  );
}

function LiveCountyOverview({ overview, refreshedAt }: { overview: TOverview; refreshedAt: Date | null }) {
  return (
    <section className="panel" aria-labelledby="county-live-heading" data-testid="county-overview">
      <h2 id="county-live-heading">{t.liveSection}</h2>
      <p className="muted">
        {t.liveNote}{" "}
        {refreshedAt ? <span role="status">{t.liveRefreshed(formatTime(refreshedAt.toISOString()))}</span> : null}
      </p>
      {overview.population.scope === "department" ? (
        <p className="notice notice-info">{t.departmentScope(overview.population.name)}</p>
      ) : null}
      <h3>
        {t.today}（{overview.today.from}）
      </h3>
      <OverviewTable overview={overview} which="today" />
      <h3>
        {t.month}（{overview.month.from} 至 {overview.month.to}）
      </h3>
      <OverviewTable overview={overview} which="month" />
    </section>
  );
}

function Flags({ row }: { row: { red: boolean; black: boolean; lastTwoMonthsRunning: boolean; rank: number | null } }) {
  const flags = [
    row.red ? t.red : null,
    row.black ? t.black : null,
    row.lastTwoMonthsRunning ? t.lastTwoMonths : null,
    row.rank === null ? t.notRanked : null,
  ].filter((flag) => flag !== null);
  return <td>{flags.join("、")}</td>;
}

function MethodNote({ ranking }: { ranking: THallRanking | TWindowRanking }) {
  const { weights, minSample } = ranking.settings;
  return (
    <>
      <p className="muted" data-testid="county-population">
        {t.population(ranking.population.name, ranking.population.listed, ranking.population.ranked, minSample)}
      </p>
      <p className="muted small">
        {t.method(weights.satisfaction, weights.ratedRate, weights.onTimeCompletion, weights.workOrders)}
      </p>
    </>
  );
}

const RANKED_COLUMNS = [
  { label: t.rank, numeric: true },
  { label: t.score, numeric: true },
  { label: t.lowerBound, numeric: true },
  { label: t.ratings, numeric: true },
  { label: t.goodRate, numeric: true },
  { label: t.ratedRate, numeric: true },
];

function RankedCells({ row }: { row: THallRanking["rows"][number] | TWindowRanking["rows"][number] }) {
  return (
    <>
      <td className="num">{row.rank ?? "—"}</td>
      <td className="num">{row.score}</td>
      <td className="num">{row.satisfactionLowerBound}</td>
      <td className="num">{formatCount(row.metrics.validRatings)}</td>
      <td className="num">{row.metrics.goodRate.text}</td>
      <td className="num">{row.metrics.ratedRate.text}</td>
    </>
  );
}

/** 全县概况, 大厅排名 and 窗口排名 of a county user's county; each row leads into its hall's own screens. */
export function CountyPage({ search, onSearchChange }: CountyPageProps) {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [today] = useState(hallToday);
  const { period } = performancePeriod(search, today);
  const refreshedAt = useLiveCounty();
  const overview = useQuery(trpc.county.overview.queryOptions({}));
  const halls = useQuery(trpc.county.hallRanking.queryOptions(period, { placeholderData: keepPreviousData }));
  const windowInput = search.hallId === undefined ? period : { ...period, hallId: search.hallId };
  const windows = useQuery(trpc.county.windowRanking.queryOptions(windowInput, { placeholderData: keepPreviousData }));
  const actIn = useActIn();

  /** The hall's own screens, keeping the period: switch the session's hall first when it is another. */
  function enter(hallId: number, to: string, params?: Record<string, string>) {
    if (user?.hallId === hallId) {
      void navigate({ to, params, search: period });
      return;
    }
    // After the hall switch has re-read auth.me and reset the other hall's figures.
    actIn.mutate({ hallId }, { onSuccess: () => void navigate({ to, params, search: period }) });
  }

  return (
    <div className="performance-screen">
      <QueryView query={overview}>
        {(data) => (
          <>
            <PageHeading title={t.title(data.county.name)} />
            <LiveCountyOverview overview={data} refreshedAt={refreshedAt} />
          </>
        )}
      </QueryView>

      <section className="panel no-print" aria-labelledby="county-period-heading">
        <h2 id="county-period-heading">{t.periodSection}</h2>
        <PeriodPicker
          value={period}
          onChange={(next: TPeriod) => onSearchChange({ ...search, from: next.from, to: next.to })}
          idPrefix="county"
        />
        <p className="muted small">{t.drillNote}</p>
        <InlineError message={actIn.isError ? errorMessage(actIn.error) : null} />
      </section>

      <section className="panel" aria-labelledby="county-halls-heading" data-testid="county-hall-ranking">
        <h2 id="county-halls-heading">{t.hallRankingSection}</h2>
        <QueryView query={halls}>
          {(data) => (
            <Refreshing when={halls.isPlaceholderData}>
              <MethodNote ranking={data} />
              <Table columns={[t.hall, ...RANKED_COLUMNS, t.flags, ""]}>
                {data.rows.map((row) => (
                  <tr key={row.hall.id} data-testid="county-hall-ranking-row">
                    <th scope="row">{row.hall.name}</th>
                    <RankedCells row={row} />
                    <Flags row={row} />
                    <td>
                      <button
                        type="button"
                        className="btn btn-secondary btn-small"
                        disabled={actIn.isPending}
                        onClick={() => enter(row.hall.id, "/performance")}
                      >
                        {t.enterHall}
                      </button>
                    </td>
                  </tr>
                ))}
              </Table>
            </Refreshing>
          )}
        </QueryView>
      </section>

      <section className="panel" aria-labelledby="county-windows-heading" data-testid="county-window-ranking">
        <h2 id="county-windows-heading">{t.windowRankingSection}</h2>
        <label htmlFor="county-window-scope">{t.scopeLabel}</label>{" "}
        <select
          id="county-window-scope"
          value={search.hallId ?? ""}
          onChange={(event) =>
            onSearchChange({ ...search, hallId: event.target.value === "" ? undefined : Number(event.target.value) })
          }
        >
          <option value="">{t.wholeCounty}</option>
          {(overview.data?.halls ?? []).map((row) => (
            <option key={row.hall.id} value={row.hall.id}>
              {t.withinHall(row.hall.name)}
            </option>
          ))}
        </select>
        <QueryView query={windows}>
          {(data) => (
            <Refreshing when={windows.isPlaceholderData}>
              <MethodNote ranking={data} />
              <Table columns={[t.hall, t.window, ...RANKED_COLUMNS, t.flags, ""]} scroll="tall">
                {data.rows.map((row) => (
                  <tr key={row.window.id} data-testid="county-window-ranking-row">
                    <td>{row.hall.name}</td>
                    <th scope="row">
                      {row.window.code} {row.window.name}
                    </th>
                    <RankedCells row={row} />
                    <Flags row={row} />
                    <td>
                      <button
                        type="button"
                        className="btn btn-secondary btn-small"
                        disabled={actIn.isPending}
                        onClick={() =>
                          enter(row.hall.id, "/performance/windows/$windowId", { windowId: String(row.window.id) })
                        }
                      >
                        {actIn.isPending ? t.entering : t.openWindow}
                      </button>
                    </td>
                  </tr>
                ))}
              </Table>
            </Refreshing>
          )}
        </QueryView>
      </section>
    </div>
  );
}
