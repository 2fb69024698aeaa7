import { useQuery } from "@tanstack/react-query";
import { useState } from "react";

import { addCalendarDays, keysOf, type TPeriod } from "@hcp/domain";

import { QueryView } from "../../components/QueryView";
import { Table } from "../../components/Table";
import type { TPeriodOverview, TWorkOrderMetricsRow } from "../../lib/api-types";
import { formatCount, formatTime } from "../../lib/format";
import { hallToday, presetPeriod, weekOf } from "../../lib/period";
import { strings } from "../../lib/strings";
import { trpc } from "../../lib/trpc";
import { useMayCall } from "../auth/useMayCall";
import { overviewStrings } from "./strings";
import { DailyVolume, WeeklyGoodRate } from "./TrendFigures";
import { useLiveOverview } from "./useLiveOverview";

import "../performance/performance.css";

type TRowKey = keyof typeof overviewStrings.live.rows;
const ROW_KEYS = keysOf(overviewStrings.live.rows);

/** Twelve whole weeks back from this week's Monday: enough to see a trend in 好评率. */
const TREND_WEEKS = 12;

function figures(
  overview: TPeriodOverview | undefined,
  orders: Pick<TWorkOrderMetricsRow, "open" | "overdue"> | undefined,
): Record<TRowKey, string> {
  const dash = strings.app.dash;
  const totals = overview?.totals;
  return {
    cases: totals ? formatCount(totals.casesCompleted) : dash,
    dailyAverage: overview?.dailyAverage.perWorkingDay ?? dash,
    ratings: totals ? formatCount(totals.ratings) : dash,
    ratedRate: totals?.ratedRate.text ?? dash,
    goodRate: totals?.goodRate.text ?? dash,
    activeGoodRate: totals?.activeGoodRate.text ?? dash,
    badRatings: totals ? formatCount(totals.badRatings) : dash,
    openWorkOrders: orders ? formatCount(orders.open) : dash,
    overdueWorkOrders: orders ? formatCount(orders.overdue) : dash,
  };
}

/** The hall's row; a period without work orders has none, which reads as zero. */
function hallRow(
  rows: readonly TWorkOrderMetricsRow[] | undefined,
): Pick<TWorkOrderMetricsRow, "open" | "overdue"> | undefined {
  if (!rows) return undefined;
  return rows.find((row) => row.key === null) ?? { open: 0, overdue: 0 };
}

/** 离线评价器: only administrators and hall managers may read the devices. */
function OfflineEvaluators() {
  const t = overviewStrings.live;
  const devices = useQuery({ ...trpc.device.list.queryOptions(), refetchInterval: 60_000 });
  return (
    <p className="period-summary" data-testid="live-devices-offline">
      <strong>{t.devicesOffline}</strong>
      <QueryView query={devices}>
        {(rows) => {
          const paired = rows.filter((row) => row.paired);
          return <span>{t.devicesOfflineValue(paired.filter((row) => !row.online).length, paired.length)}</span>;
        }}
      </QueryView>
      <span className="muted small">{t.devicesHint}</span>
    </p>
  );
}

/**
 * 今日与本月 side by side, and the trends; re-read whenever a rating is recorded in the hall
 * (the feed says only that something changed, never what).
 */
export function LiveOverview() {
  const t = overviewStrings.live;
  const [today] = useState(hallToday);
  const day: TPeriod = presetPeriod("today", today);
  const month: TPeriod = presetPeriod("month", today);
  const weeks: TPeriod = { from: addCalendarDays(weekOf(today).from, -7 * (TREND_WEEKS - 1)), to: today };
  const refreshedAt = useLiveOverview();

  const todayOverview = useQuery(trpc.overview.period.queryOptions(day));
  const monthOverview = useQuery(trpc.overview.period.queryOptions(month));
  const todayOrders = useQuery(trpc.workOrder.metrics.queryOptions({ ...day, by: "hall" }));
  const monthOrders = useQuery(trpc.workOrder.metrics.queryOptions({ ...month, by: "hall" }));
  const dailyTrend = useQuery(trpc.performance.trend.queryOptions(month));
  const weeklyTrend = useQuery(trpc.performance.trend.queryOptions(weeks));
  const columns = [
    { key: "today", label: t.today, values: figures(todayOverview.data, hallRow(todayOrders.data)) },
    { key: "month", label: t.month, values: figures(monthOverview.data, hallRow(monthOrders.data)) },
  ];
  const canSeeDevices = useMayCall("device.list");

  return (
    <div className="performance-screen">
      <section className="panel" aria-labelledby="live-heading" data-testid="live-overview">
        <h2 id="live-heading">{t.liveSection}</h2>
        <p className="muted">
          {t.liveNote}{" "}
          {refreshedAt ? (
            <span role="status" data-testid="live-refreshed">
              {t.liveRefreshed(formatTime(refreshedAt.toISOString()))}
            </span>
          ) : null}
        </p>
        <QueryView query={todayOverview}>
          {() => (
            <Table
              className="live-table"
              columns={[t.metric, ...columns.map((column) => ({ label: column.label, numeric: true }))]}
            >
              {ROW_KEYS.map((row) => (
                <tr key={row}>
                  <th scope="row">{t.rows[row]}</th>
                  {columns.map((column) => (
                    <td key={column.key} className="num" data-testid={`live-${column.key}-${row}`}>
                      {column.values[row]}
                    </td>
                  ))}
                </tr>
              ))}
            </Table>
          )}
        </QueryView>
        {canSeeDevices ? <OfflineEvaluators /> : null}
      </section>
      <section className="panel" aria-labelledby="live-trend-heading">
        <h2 id="live-trend-heading">{t.trendSection}</h2>
        <div className="trend-grid">
          <div>
            <h3>{t.dailySection(month.from, month.to)}</h3>
            <QueryView query={dailyTrend}>{(trend) => <DailyVolume days={trend.days} />}</QueryView>
          </div>
          <div>
            <h3>{t.weeklySection(weeks.from, weeks.to)}</h3>
            <QueryView query={weeklyTrend}>{(trend) => <WeeklyGoodRate weeks={trend.weeks} />}</QueryView>
          </div>
        </div>
      </section>
    </div>
  );
}
