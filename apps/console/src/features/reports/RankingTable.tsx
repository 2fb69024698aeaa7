import { RANKING_COMPONENTS } from "@hcp/domain";

import { formatCount } from "../../lib/format";
import { DataTable, type TColumn } from "../analysis/DataTable";
import { ProvisionalMark } from "../calendar/ProvisionalMark";
import { PopulationNote } from "../performance/PopulationNote";
import { reportColumn } from "./report-definitions";
import type { TMonthlyReport, TReportRankedRow, TReportRanking } from "./report-types";
import { reportStrings } from "./strings";

const t = reportStrings;

/** 红榜 / 黑榜 / 末位 as words in the row, so the marks survive black-and-white print and screen readers. */
function Marks({ row, ranking }: { row: TReportRankedRow; ranking: TReportRanking }) {
  const marks: { text: string; className: string }[] = [];
  if (ranking.red.includes(row.id)) marks.push({ text: t.redList, className: "tag mark-red" });
  if (ranking.black.includes(row.id)) marks.push({ text: t.blackList, className: "tag mark-black" });
  if (row.lastTwoMonthsRunning) marks.push({ text: t.lastPlace, className: "tag mark-last" });
  return (
    <span className="report-marks" data-testid="ranking-marks">
      {marks.map((mark) => (
        <span
          key={mark.text}
          className={mark.className}
          title={mark.text === t.lastPlace ? t.lastPlaceLong : undefined}
        >
          {mark.text}
        </span>
      ))}
    </span>
  );
}

function columns(report: TMonthlyReport, ranking: TReportRanking, nameHeader: string): TColumn<TReportRankedRow>[] {
  return [
    { id: "rank", header: t.rank, numeric: true, cell: (row) => row.rank ?? t.unranked },
    { id: "code", header: t.code, cell: (row) => <span className="mono">{row.code}</span> },
    { id: "name", header: nameHeader, rowHeader: true, cell: (row) => row.name },
    { id: "marks", header: t.marks, cell: (row) => <Marks row={row} ranking={ranking} /> },
    reportColumn(report, "compositeScore", (row) => row.score),
    reportColumn(report, "casesCompleted", (row) => formatCount(row.casesCompleted)),
    { id: "validRatings", header: t.validRatings, numeric: true, cell: (row) => formatCount(row.validRatings) },
    reportColumn(report, "ratedRate", (row) => row.ratedRate.text),
    reportColumn(report, "goodRate", (row) => row.goodRate.text),
    reportColumn(report, "onTimeCompletionRate", (row) => row.onTimeCompletionRate.text),
    { id: "badRatings", header: t.badRatings, numeric: true, cell: (row) => formatCount(row.badRatings) },
    reportColumn(
      report,
      "onTimeRate",
      // A row without valid bad reviews was scored 100 % on it: the cell says so rather than "—".
      (row) =>
        row.breakdown?.find((part) => part.key === "workOrders" && part.basis === "full")?.value ??
        row.workOrderOnTimeRate.text,
      t.workOrderOnTimeRate,
    ),
    {
      id: "note",
      header: t.note,
      cell: (row) => [row.note, row.lastTwoMonthsRunning ? t.lastPlaceLong : ""].filter(Boolean).join("；"),
    },
  ];
}

/** Each ranked row's components as value × weight (after re-spreading) = points, summing to its score. */
function breakdownColumns(nameHeader: string): TColumn<TReportRankedRow>[] {
  return [
    { id: "rank", header: t.rank, numeric: true, cell: (row) => row.rank ?? t.unranked },
    { id: "name", header: nameHeader, rowHeader: true, cell: (row) => row.name },
    ...RANKING_COMPONENTS.map((key): TColumn<TReportRankedRow> => ({
      id: key,
      header: t.breakdownHeader(key),
      numeric: true,
      cell: (row) => {
        const part = row.breakdown?.find((candidate) => candidate.key === key);
        if (!part) return "";
        return part.basis === "missing"
          ? t.breakdownMissing
          : t.breakdownCell(part.value, part.effectiveWeight, part.points);
      },
    })),
    { id: "score", header: t.score, numeric: true, cell: (row) => row.score },
  ];
}

/** The 红榜 or 黑榜 as an ordered list of names (the 黑榜 worst first, as the server orders it), the 黑榜 with what pulls each down. */
function HonourList({
  title,
  ids,
  rows,
  testId,
}: {
  title: string;
  ids: readonly number[];
  rows: readonly TReportRankedRow[];
  testId: string;
}) {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return (
    <div className="honour-list" data-testid={testId}>
      <h3>{title}</h3>
      {ids.length === 0 ? (
        <p className="muted">{t.listEmpty}</p>
      ) : (
        <ol>
          {ids.map((id) => {
            const row = byId.get(id);
            if (!row) return null;
            return (
              <li key={id}>
                {row.pulledDownBy
                  ? t.pulledDownBy(`${row.code} ${row.name}`, row.pulledDownBy)
                  : `${row.code} ${row.name}`}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}

export interface RankingSectionProps {
  report: TMonthlyReport;
  kind: "windows" | "departments";
}

/** 三、窗口排名 / 四、部门排名: the table in rank order (unranked last), 红榜, 黑榜, 末位 marked in words. */
export function RankingSection({ report, kind }: RankingSectionProps) {
  const ranking = report[kind];
  const headingId = `report-${kind}`;
  const rows = [...ranking.rows].sort(
    (a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) || a.code.localeCompare(b.code),
  );
  const rowClass = (row: TReportRankedRow) =>
    ranking.red.includes(row.id)
      ? "is-red"
      : ranking.black.includes(row.id) || row.lastTwoMonthsRunning
        ? "is-black"
        : undefined;
  const weights = ranking.weights;
  const deadlines = report.summary.deadlinesProvisional;
  const broken = rows.filter((row) => (row.breakdown ?? []).length > 0);
  const noun = kind === "windows" ? t.windowName : t.departmentName;
  return (
    <section className="report-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{kind === "windows" ? t.sections.windows : t.sections.departments}</h2>
      <p>{kind === "windows" ? t.windowsIntro(ranking.minSample) : t.departmentsIntro(ranking.minSample)}</p>
      <p className="muted small">
        {t.weights(weights.satisfaction, weights.ratedRate, weights.onTimeCompletion, weights.workOrders)}
      </p>
      {deadlines.onTimeCompletion.current || deadlines.workOrders ? (
        <p className="muted small" data-testid={`${kind}-provisional`}>
          <ProvisionalMark provisional />{" "}
          {t.provisionalRankingColumns(deadlines.onTimeCompletion.current, deadlines.workOrders)}
        </p>
      ) : null}
      {/* Reports archived before definitions 2026.2 ranked the hall and state no population. */}
      {ranking.population ? <PopulationNote population={ranking.population} noun={noun} /> : null}
      <div className="honour-lists">
        <HonourList title={t.redListCaption} ids={ranking.red} rows={ranking.rows} testId={`${kind}-red-list`} />
        <HonourList title={t.blackListCaption} ids={ranking.black} rows={ranking.rows} testId={`${kind}-black-list`} />
      </div>
      <div className="report-ranking">
        <DataTable
          columns={columns(report, ranking, kind === "windows" ? t.windowName : t.departmentName)}
          rows={rows}
          rowKey={(row) => row.id}
          labelledBy={headingId}
          rowClass={rowClass}
          testId={`${kind}-ranking`}
        />
      </div>
      {broken.length > 0 ? (
        <div className="report-ranking">
          <h3 id={`${headingId}-breakdown`}>{t.breakdownCaption(noun)}</h3>
          <p className="muted small">{t.breakdownNote}</p>
          <DataTable
            columns={breakdownColumns(noun)}
            rows={broken}
            rowKey={(row) => row.id}
            labelledBy={`${headingId}-breakdown`}
            testId={`${kind}-breakdown`}
          />
        </div>
      ) : null}
    </section>
  );
}
