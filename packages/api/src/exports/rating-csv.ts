import { pipeline, Readable } from "node:stream";

import { stringify } from "csv-stringify";

import { streamRatingExportRows, type Db, type TRatingExportRow } from "@hcp/db";
import { CHANNELS, hallDayBounds, LEVEL_LABELS } from "@hcp/domain";

import { monthPeriod } from "../services/report/month";

/**
 * A month's rating rows as CSV for people who check the figures in Excel: UTF-8 with a BOM (or
 * Excel reads the Chinese as mojibake), one row per rating as it was received, streamed from the
 * database cursor to the caller so a province's million rows never sit in memory.
 */
const COLUMNS: { header: string; value: (row: TRatingExportRow) => string | number }[] = [
  { header: "办件编号", value: (row) => row.caseNo },
  { header: "评价类型", value: (row) => (row.seq === 1 ? "首次评价" : "追评") },
  { header: "事项编码", value: (row) => row.itemCode },
  { header: "服务事项", value: (row) => row.itemName },
  { header: "部门", value: (row) => row.departmentName },
  { header: "窗口编号", value: (row) => row.windowCode ?? "" },
  { header: "窗口", value: (row) => row.windowName ?? "" },
  { header: "工作人员工号", value: (row) => row.staffBadgeNo ?? "" },
  { header: "评价渠道代码", value: (row) => row.channel },
  { header: "评价渠道", value: (row) => CHANNELS[row.channel] ?? "" },
  { header: "评价等级代码", value: (row) => row.level },
  { header: "评价等级", value: (row) => LEVEL_LABELS[row.level] ?? "" },
  { header: "评价内容代码", value: (row) => row.reasonCodes },
  { header: "默认评价", value: (row) => (row.isDefault ? "是" : "否") },
  { header: "已剔除（申诉成立）", value: (row) => (row.excluded ? "是" : "否") },
  { header: "评价时间（北京时间）", value: (row) => row.ratedAt },
  { header: "接收时间（北京时间）", value: (row) => row.receivedAt },
];

export const RATING_CSV_HEADERS = COLUMNS.map((column) => column.header);

async function* records(rows: AsyncIterable<TRatingExportRow>): AsyncGenerator<(string | number)[]> {
  for await (const row of rows) yield COLUMNS.map((column) => column.value(row));
}

/**
 * The CSV of a hall's month (by the citizen's tap time, as every tally counts), optionally one
 * department's; with `asOf` (an archived report's generation time) the rows that report counted,
 * not those received or withdrawn since. Read it to the end or destroy it: destroying it ends the
 * database stream.
 */
export function ratingRowsCsv(
  db: Db,
  hallId: number,
  month: string,
  scope: { departmentId?: number; asOf?: Date } = {},
): Readable {
  const period = monthPeriod(month);
  const bounds = hallDayBounds(period.from, period.to);
  const rows = streamRatingExportRows(db, {
    hallId,
    start: bounds.start,
    end: bounds.end,
    departmentId: scope.departmentId,
    asOf: scope.asOf,
  });
  const csv = stringify({ bom: true, header: true, columns: RATING_CSV_HEADERS, record_delimiter: "windows" });
  // pipeline passes a database error on to the CSV stream's reader and, the other way round,
  // a reader that stops (a closed download) ends the database stream.
  return pipeline(Readable.from(records(rows)), csv, () => undefined);
}
