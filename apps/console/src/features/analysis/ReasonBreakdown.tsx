import { formatCount } from "../../lib/format";
import type { TReasonRow } from "./analysis-types";
import { DataTable, type TColumn } from "./DataTable";
import { analysisStrings } from "./strings";

const t = analysisStrings;

/** 差评 = levels 1–2 (SPEC §3); the tag says it in words, not only by colour. */
function LevelCell({ row }: { row: TReasonRow }) {
  const bad = row.level <= 2;
  return (
    <>
      <span className={bad ? "tag tag-bad" : "tag tag-neutral"}>{bad ? t.badTag : t.goodTag}</span> {row.levelLabel}
    </>
  );
}

const COLUMNS: TColumn<TReasonRow>[] = [
  { id: "level", header: t.reasonLevel, definition: t.reasonLevelDefinition, cell: (row) => <LevelCell row={row} /> },
  {
    id: "code",
    header: t.reasonCode,
    definition: t.reasonCodeDefinition,
    cell: (row) => <span className="mono">{row.code}</span>,
  },
  { id: "label", header: t.reasonLabel, rowHeader: true, cell: (row) => row.label },
  {
    id: "count",
    header: t.reasonCount,
    definition: t.reasonCountDefinition,
    numeric: true,
    cell: (row) => formatCount(row.count),
  },
  {
    id: "share",
    header: t.reasonShare,
    definition: t.reasonShareDefinition,
    numeric: true,
    cell: (row) => row.share.text,
  },
];

/** 评价内容: reason codes chosen with the ratings, the bad ones first (the server's order, kept). */
export function ReasonBreakdown({ rows, labelledBy }: { rows: readonly TReasonRow[]; labelledBy: string }) {
  return (
    <>
      <p className="muted">{t.reasonsIntro}</p>
      <DataTable
        columns={COLUMNS}
        rows={rows}
        rowKey={(row) => row.code}
        labelledBy={labelledBy}
        rowClass={(row) => (row.level <= 2 ? "is-bad" : undefined)}
        testId="reason-breakdown"
        scroll
      />
    </>
  );
}
