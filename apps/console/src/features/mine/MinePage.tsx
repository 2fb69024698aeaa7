import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";

import {
  isBadLevel,
  keysOf,
  LEVEL_LABELS,
  LEVELS,
  METRIC_DEFINITIONS,
  type TMetricKey,
  type TPeriod,
} from "@hcp/domain";

import { PageHeading } from "../../components/PageHeading";
import { QueryView } from "../../components/QueryView";
import { Refreshing } from "../../components/Refreshing";
import { Empty } from "../../components/StatusMessages";
import { formatCount } from "../../lib/format";
import { hallToday, type TPeriodSearch } from "../../lib/period";
import { trpc } from "../../lib/trpc";
import { ProvisionalMark } from "../calendar/ProvisionalMark";
import { overviewStrings } from "../overview/strings";
import { DailyVolume, WeeklyGoodRate } from "../overview/TrendFigures";
import { performancePeriod } from "../performance/performance-search";
import { PeriodPicker } from "../performance/PeriodPicker";
import type { TMyPerformance } from "../performance/types";
import { mineStrings } from "./strings";

import "../performance/performance.css";

type TFigureKey = keyof typeof mineStrings.figures;

const DEFINITION_OF: Record<TFigureKey, TMetricKey> = {
  cases: "casesCompleted",
  ratings: "ratings",
  ratedRate: "ratedRate",
  goodRate: "goodRate",
  activeGoodRate: "activeGoodRate",
  badRatings: "badRate",
  score: "score",
  onTimeCompletionRate: "onTimeCompletionRate",
};

function figuresOf(metrics: TMyPerformance["metrics"]): Record<TFigureKey, string> {
  return {
    cases: formatCount(metrics.casesCompleted),
    ratings: formatCount(metrics.ratings),
    ratedRate: metrics.ratedRate.text,
    goodRate: metrics.goodRate.text,
    activeGoodRate: metrics.activeGoodRate.text,
    badRatings: formatCount(metrics.badRatings),
    score: metrics.score.text,
    onTimeCompletionRate: metrics.onTimeCompletionRate.text,
  };
}

/** The staff member's figures; 按时办结率 says 暂按周末计算 when its due dates rest on an unconfirmed year. */
export function Figures({
  metrics,
  onTimeCompletionProvisional = false,
}: {
  metrics: TMyPerformance["metrics"];
  onTimeCompletionProvisional?: boolean;
}) {
  const t = mineStrings;
  const figures = figuresOf(metrics);
  return (
    <ul className="metric-grid" aria-label={t.figuresSection}>
      {keysOf(t.figures).map((key) => (
        <li key={key} className="metric-card" data-testid={`mine-${key}`}>
          <span className="metric-label" title={METRIC_DEFINITIONS[DEFINITION_OF[key]].definition}>
            {t.figures[key]}
          </span>
          <span className="metric-value">{figures[key]}</span>
          {key === "onTimeCompletionRate" ? <ProvisionalMark provisional={onTimeCompletionProvisional} /> : null}
        </li>
      ))}
    </ul>
  );
}

function levelClass(label: string): string {
  const level = LEVELS.find((candidate) => LEVEL_LABELS[candidate] === label);
  return level !== undefined && isBadLevel(level) ? "tag tag-danger" : "tag tag-success";
}

/** 我的评价: a staff member's own figures, trend and anonymised comments, up to yesterday. */
export function MinePage({
  search,
  onPeriodChange,
}: {
  search: TPeriodSearch;
  onPeriodChange: (period: TPeriod) => void;
}) {
  const t = mineStrings;
  const [today] = useState(hallToday);
  const { period } = performancePeriod(search, today);
  const mine = useQuery(trpc.performance.mine.queryOptions(period, { placeholderData: keepPreviousData }));

  return (
    <div className="performance-screen">
      <PageHeading title={t.title} />
      <section className="panel no-print" aria-labelledby="mine-period-heading">
        <h2 id="mine-period-heading">{t.periodSection}</h2>
        <PeriodPicker value={period} onChange={onPeriodChange} idPrefix="mine" />
      </section>
      <QueryView query={mine}>
        {(data) =>
          data.period.to < data.period.from ? (
            <p className="notice notice-info" data-testid="mine-up-to">
              {t.nothingYet}
            </p>
          ) : (
            <Refreshing when={mine.isPlaceholderData}>
              <p className="notice notice-info" data-testid="mine-up-to">
                {t.upToYesterday(data.period.to)}
              </p>
              <section className="panel" aria-labelledby="mine-figures-heading">
                <h2 id="mine-figures-heading">{t.figuresSection}</h2>
                <Figures metrics={data.metrics} onTimeCompletionProvisional={data.onTimeCompletionProvisional} />
              </section>
              <section className="panel" aria-labelledby="mine-trend-heading">
                <h2 id="mine-trend-heading">{t.trendSection}</h2>
                <h3>{overviewStrings.live.dailySection(data.period.from, data.period.to)}</h3>
                <DailyVolume days={data.trend.days} />
                <h3>{overviewStrings.live.weeklySection(data.period.from, data.period.to)}</h3>
                <WeeklyGoodRate weeks={data.trend.weeks} />
              </section>
              <section className="panel" aria-labelledby="mine-comments-heading">
                <h2 id="mine-comments-heading">{t.commentsSection}</h2>
                <p className="muted">{t.commentsNote}</p>
                {data.comments.length === 0 ? (
                  <Empty label={t.noComments} />
                ) : (
                  <ul className="comment-list">
                    {data.comments.map((comment, index) => (
                      <li key={`${comment.date}-${index}`} data-testid="mine-comment">
                        <span className="muted nowrap">{comment.date}</span>{" "}
                        <span className={levelClass(comment.levelLabel)}>{comment.levelLabel}</span>
                        <p className="prewrap">{comment.comment}</p>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            </Refreshing>
          )
        }
      </QueryView>
    </div>
  );
}
