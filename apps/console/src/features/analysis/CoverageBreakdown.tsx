import { formatCount } from "../../lib/format";
import type { TCoverage, TCoverageRow } from "./analysis-types";
import { DataTable, type TColumn } from "./DataTable";
import { analysisStrings } from "./strings";

const t = analysisStrings;

type TCountKey =
  | "casesCompleted"
  | "promptsSent"
  | "promptsRated"
  | "promptsTimedOut"
  | "casesRated"
  | "casesRatedByDefault"
  | "casesClosedUnrated";
const COUNT_KEYS: readonly TCountKey[] = [
  "casesCompleted",
  "promptsSent",
  "promptsRated",
  "promptsTimedOut",
  "casesRated",
  "casesRatedByDefault",
  "casesClosedUnrated",
];

const COLUMNS: TColumn<TCoverageRow>[] = [
  { id: "window", header: t.coverageWindow, rowHeader: true, cell: (row) => row.windowName },
  ...COUNT_KEYS.map((key): TColumn<TCoverageRow> => ({
    id: key,
    header: t.coverage[key],
    definition: t.coverageDefinitions[key],
    numeric: true,
    cell: (row) => formatCount(row[key]),
  })),
  {
    id: "ratedRate",
    header: t.coverage.ratedRate,
    definition: t.coverageDefinitions.ratedRate,
    numeric: true,
    cell: (row) => row.ratedRate.text,
  },
  {
    id: "promptAnswerRate",
    header: t.coverage.promptAnswerRate,
    definition: t.coverageDefinitions.promptAnswerRate,
    numeric: true,
    cell: (row) => row.promptAnswerRate.text,
  },
];

/** 评价覆盖: how much of the work the ratings cover, per window and in total. */
export function CoverageBreakdown({ coverage, labelledBy }: { coverage: TCoverage; labelledBy: string }) {
  return (
    <>
      <p className="notice notice-info" data-testid="coverage-explain">
        {t.coverageExplain}
      </p>
      <DataTable
        columns={COLUMNS}
        rows={coverage.rows}
        footer={[{ ...coverage.total, windowName: t.coverageTotal }]}
        rowKey={(row) => row.windowId ?? row.windowName}
        labelledBy={labelledBy}
        testId="coverage-breakdown"
      />
    </>
  );
}
