import { isGoodLevel, LEVEL_LABELS, LEVELS } from "@hcp/domain";

import { TableHead } from "../../components/Table";
import type { TPeriodOverview } from "../../lib/api-types";
import { formatCount } from "../../lib/format";
import { overviewStrings } from "./strings";

type TMetricKey = "cases" | "dailyAverage" | "ratings" | "ratedRate" | "goodRate" | "badRate" | "score";

interface TCard {
  key: TMetricKey;
  value: string;
  note: string;
  footnote?: string;
}

/**
 * The headline figures. Rates and quotients are the server's `text` (formatted once, in
 * @hcp/domain): the console never recomputes a percentage, so it can't disagree with a report.
 */
export function MetricCards({ overview }: { overview: TPeriodOverview }) {
  const t = overviewStrings;
  const { totals } = overview;
  const cards: TCard[] = [
    { key: "cases", value: formatCount(totals.casesCompleted), note: t.casesNote },
    {
      key: "dailyAverage",
      value: overview.dailyAverage.perWorkingDay,
      note: t.dailyAverageNote(overview.dailyAverage.perCalendarDay, overview.workingDays, overview.calendarDays),
    },
    { key: "ratings", value: formatCount(totals.ratings), note: t.ratingsNote(formatCount(totals.validRatings)) },
    {
      key: "ratedRate",
      value: totals.ratedRate.text,
      note: t.ratedRateNote(formatCount(totals.casesRated), formatCount(totals.casesCompleted)),
    },
    {
      key: "goodRate",
      value: totals.goodRate.text,
      note: t.goodRateNote(formatCount(totals.goodRatings), formatCount(totals.validRatings)),
    },
    { key: "badRate", value: totals.badRate.text, note: t.badRateNote(formatCount(totals.badRatings)) },
    { key: "score", value: totals.score.text, note: t.scoreNote, footnote: "fn-score" },
  ];

  return (
    <ul className="metric-grid" aria-label={t.metricsSection}>
      {cards.map((card) => (
        <li key={card.key} className="metric-card" data-testid={`metric-${card.key}`}>
          <span className="metric-label" id={`metric-${card.key}-label`}>
            {t.metrics[card.key]}
            {card.footnote ? (
              <a href={`#${card.footnote}`} className="footnote-ref" aria-label={t.footnotes}>
                *
              </a>
            ) : null}
          </span>
          <span className="metric-value">{card.value}</span>
          <span className="metric-note">{card.note}</span>
        </li>
      ))}
    </ul>
  );
}

/** Ratings by level, best first, as the national codes order them. */
export function LevelBreakdown({ byLevel }: { byLevel: TPeriodOverview["totals"]["byLevel"] }) {
  const t = overviewStrings;
  return (
    <table className="data-table level-table" aria-labelledby="levels-heading">
      <TableHead columns={[t.level, { label: t.count, numeric: true }]} />
      <tbody>
        {LEVELS.map((level) => (
          <tr key={level} data-testid={`level-${level}`}>
            <th scope="row">
              <span
                className={isGoodLevel(level) ? "level-dot level-good" : "level-dot level-bad"}
                aria-hidden="true"
              />
              {LEVEL_LABELS[level]}
            </th>
            <td className="num">{formatCount(byLevel[level])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
