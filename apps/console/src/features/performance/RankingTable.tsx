import {
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
  useTable,
} from "@tanstack/react-table";
import { useMemo, type ReactNode } from "react";

import { formatCount } from "../../lib/format";
import { ColumnHeading } from "./ColumnHeading";
import type { TColumnKey } from "./definitions";
import { LastPlaceFlag, ListMark } from "./LastPlaceFlag";
import { ScoreWithBreakdown } from "./ScoreBreakdown";
import { performanceStrings } from "./strings";
import type { TRankingRow, TRateView } from "./types";

const t = performanceStrings;

// Module scope: the table's features and columns must keep their identity between renders.
const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
});
const helper = createColumnHelper<typeof features, TRankingRow>();

/** A rate sorts by its exact ratio; no denominator sorts last whichever the direction. */
function ratio(rate: TRateView): number | undefined {
  return rate.den === 0 ? undefined : rate.num / rate.den;
}

/** 在岗人员 of the period: each person who served at the window, with the cases they completed there. */
function ServedStaff({ staff }: { staff: TRankingRow["staff"] }) {
  if (staff.length === 0) return <span className="muted">{t.nobodyServed}</span>;
  return (
    <ul className="served-staff" data-testid="served-staff">
      {staff.map((member) => (
        <li key={member.id}>
          {member.name} <span className="muted">{t.servedCases(formatCount(member.casesCompleted))}</span>
        </li>
      ))}
    </ul>
  );
}

/** The 按时整改率 part scored 100 % for want of valid bad reviews, if that is this row's case. */
function fullMarks(row: TRankingRow) {
  return row.breakdown.find((part) => part.key === "workOrders" && part.basis === "full");
}

/** 按时整改率 sorts as the score counts it: no bad review to rectify is 100 %. */
function workOrderShare(row: TRankingRow): number | undefined {
  return fullMarks(row) ? 1 : ratio(row.workOrderOnTimeRate);
}

interface TColumnMeta {
  key: TColumnKey;
  numeric: boolean;
}

function numeric<TValue extends number | undefined>(
  id: string,
  key: TColumnKey,
  header: string,
  value: (row: TRankingRow) => TValue,
  cell: (row: TRankingRow) => ReactNode,
  sortDescFirst = true,
) {
  return helper.accessor(value, {
    id,
    header,
    sortFn: "basic",
    sortUndefined: "last",
    sortDescFirst,
    meta: { key, numeric: true } satisfies TColumnMeta,
    cell: (context) => cell(context.row.original),
  });
}

/** The window cell links to the drill-down; the page supplies the link. */
function columnsFor(renderWindowLink: (row: TRankingRow) => ReactNode) {
  return helper.columns([
    numeric(
      "rank",
      "rank",
      t.columns.rank,
      (row) => row.rank ?? undefined,
      (row) => row.rank ?? <span className="tag tag-neutral">{t.insufficientSample}</span>,
      false,
    ),
    helper.accessor((row) => row.window.code, {
      id: "window",
      header: t.columns.window,
      sortFn: "alphanumeric",
      meta: { key: "window", numeric: false } satisfies TColumnMeta,
      cell: (context) => renderWindowLink(context.row.original),
    }),
    helper.accessor((row) => row.staffName ?? "", {
      id: "staff",
      header: t.columns.staff,
      sortFn: "alphanumeric",
      meta: { key: "staff", numeric: false } satisfies TColumnMeta,
      cell: (context) => <ServedStaff staff={context.row.original.staff} />,
    }),
    numeric(
      "cases",
      "casesCompleted",
      t.columns.cases,
      (row) => row.metrics.casesCompleted,
      (row) => formatCount(row.metrics.casesCompleted),
    ),
    numeric(
      "meanHandling",
      "meanHandlingHours",
      t.columns.meanHandling,
      (row) => ratio(row.metrics.meanHandlingHours),
      (row) => t.hours(row.metrics.meanHandlingHours.text),
      false,
    ),
    numeric(
      "onTimeCompletion",
      "onTimeCompletionRate",
      t.columns.onTimeCompletion,
      (row) => ratio(row.metrics.onTimeCompletionRate),
      (row) => row.metrics.onTimeCompletionRate.text,
    ),
    numeric(
      "ratings",
      "ratings",
      t.columns.ratings,
      (row) => row.metrics.ratings,
      (row) => formatCount(row.metrics.ratings),
    ),
    numeric(
      "ratedRate",
      "ratedRate",
      t.columns.ratedRate,
      (row) => ratio(row.metrics.ratedRate),
      (row) => row.metrics.ratedRate.text,
    ),
    numeric(
      "goodRate",
      "goodRate",
      t.columns.goodRate,
      (row) => ratio(row.metrics.goodRate),
      (row) => row.metrics.goodRate.text,
    ),
    numeric(
      "lowerBound",
      "wilsonLowerBound",
      t.columns.lowerBound,
      (row) => (row.satisfactionLowerBound === "—" ? undefined : Number.parseFloat(row.satisfactionLowerBound)),
      (row) => row.satisfactionLowerBound,
    ),
    numeric(
      "badReviews",
      "badReviews",
      t.columns.badReviews,
      (row) => row.badReviews,
      (row) => formatCount(row.badReviews),
    ),
    numeric(
      "workOrderOnTime",
      "onTimeRate",
      t.columns.workOrderOnTime,
      workOrderShare,
      (row) => fullMarks(row)?.value ?? row.workOrderOnTimeRate.text,
    ),
    numeric(
      "score",
      "compositeScore",
      t.columns.score,
      (row) => row.scoreValue ?? undefined,
      (row) => (row.eligible ? <ScoreWithBreakdown score={row.score} parts={row.breakdown} /> : t.insufficientSample),
    ),
    helper.display({
      id: "flags",
      header: t.columns.flags,
      meta: { key: "flags", numeric: false } satisfies TColumnMeta,
      cell: (context) => {
        const row = context.row.original;
        return (
          <span className="flags">
            {row.red ? <ListMark kind="red" /> : null}
            {row.black ? <ListMark kind="black" /> : null}
            {row.lastTwoMonthsRunning ? <LastPlaceFlag /> : null}
          </span>
        );
      },
    }),
  ]);
}

const SORT_ARIA = { asc: "ascending", desc: "descending" } as const;

/**
 * Every window with SPEC §6's columns, sortable by any of them (rank ascending at first). The
 * rows' order and figures are the server's; sorting only reorders them.
 */
export function RankingTable({
  rows,
  renderWindowLink,
}: {
  rows: readonly TRankingRow[];
  renderWindowLink: (row: TRankingRow) => ReactNode;
}) {
  const columns = useMemo(() => columnsFor(renderWindowLink), [renderWindowLink]);
  const table = useTable({
    features,
    columns,
    data: rows,
    initialState: { sorting: [{ id: "rank", desc: false }] },
    enableSortingRemoval: false,
  });

  return (
    <div className="table-wrap">
      <table className="data-table ranking-table" aria-label={t.rankingSection}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const column = header.column;
                // Every column above sets its meta (`satisfies TColumnMeta`); the table library types it as unknown.
                const meta = column.columnDef.meta as TColumnMeta;
                const label = String(column.columnDef.header);
                const sorted = column.getIsSorted();
                const toggle = column.getToggleSortingHandler();
                return (
                  <ColumnHeading
                    key={header.id}
                    tableId="ranking"
                    column={meta.key}
                    label={label}
                    numeric={meta.numeric}
                    sort={column.getCanSort() ? (sorted ? SORT_ARIA[sorted] : "none") : undefined}
                  >
                    {column.getCanSort() && toggle
                      ? (describedBy) => (
                          <button type="button" className="sort-button" onClick={toggle} aria-describedby={describedBy}>
                            {label}
                            <span className="sort-mark" aria-hidden="true">
                              {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                            </span>
                          </button>
                        )
                      : undefined}
                  </ColumnHeading>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              data-testid="ranking-row"
              data-window-code={row.original.window.code}
              className={row.original.lastTwoMonthsRunning ? "is-last-place" : undefined}
            >
              {row.getAllCells().map((cell) => {
                // As in the header: every column sets its meta, which the library types as unknown.
                const meta = cell.column.columnDef.meta as TColumnMeta;
                return (
                  <td key={cell.id} className={meta.numeric ? "num" : undefined}>
                    <table.FlexRender cell={cell} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
