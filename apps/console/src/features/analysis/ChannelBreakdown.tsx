import { formatCount } from "../../lib/format";
import type { TChannelRow } from "./analysis-types";
import { DataTable, type TColumn } from "./DataTable";
import { metricColumns } from "./metric-columns";
import { analysisStrings } from "./strings";

const t = analysisStrings;

const COLUMNS: TColumn<TChannelRow>[] = [
  { id: "code", header: t.channelCode, definition: t.channelCodeDefinition, numeric: true, cell: (row) => row.channel },
  { id: "label", header: t.channel, rowHeader: true, cell: (row) => row.label },
  {
    id: "ratings",
    header: t.channelRatings,
    definition: t.channelRatingsDefinition,
    numeric: true,
    cell: (row) => formatCount(row.ratings),
  },
  {
    id: "share",
    header: t.channelShare,
    definition: t.channelShareDefinition,
    numeric: true,
    cell: (row) => row.share.text,
  },
  ...metricColumns<TChannelRow>((row) => row.metrics, ["goodRate", "badRatings", "score"]),
];

/** 评价渠道: valid first ratings by national channel code, every channel listed even when empty. */
export function ChannelBreakdown({ rows, labelledBy }: { rows: readonly TChannelRow[]; labelledBy: string }) {
  return (
    <DataTable
      columns={COLUMNS}
      rows={rows}
      rowKey={(row) => row.channel}
      labelledBy={labelledBy}
      testId="channel-breakdown"
    />
  );
}
