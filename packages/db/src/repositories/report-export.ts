import { sql } from "kysely";

import type { TChannel, TLevel } from "@hcp/domain";

import type { Db } from "../client";
import { onHallClock } from "../hall-clock";

/**
 * A month's rating rows for the CSV export, read as a stream: a province's month can hold a
 * million rows, so they go from the server's cursor to the response without being held. Only
 * what a report reader may see: never the applicant's name or contact, nor the free-text comment
 * (a citizen may write a phone number into it).
 */
export interface TRatingExportRow {
  caseNo: string;
  /** 1 = first rating, 2 = follow-up (追评) */
  seq: number;
  itemCode: string;
  itemName: string;
  departmentName: string;
  windowCode: string | null;
  windowName: string | null;
  staffBadgeNo: string | null;
  channel: TChannel;
  level: TLevel;
  /** national reason codes, space-separated, ascending */
  reasonCodes: string;
  isDefault: boolean;
  excluded: boolean;
  /** hall-local "yyyy-mm-dd hh:mm:ss" */
  ratedAt: string;
  receivedAt: string;
}

export interface TRatingExportRange {
  hallId: number;
  /** UTC bounds of the hall-local month: [start, end), by the citizen's tap time as every tally counts */
  start: Date;
  end: Date;
  departmentId?: number;
  /**
   * The rows as an archived report saw them when it was generated: only ratings received by then
   * (a late upload or a 追评 after it is left out) and withdrawn (申诉成立) only if by then.
   */
  asOf?: Date;
}

const HALL_LOCAL = "%Y-%m-%d %H:%i:%s";

export async function* streamRatingExportRows(
  db: Db,
  range: TRatingExportRange,
  chunkSize = 1000,
): AsyncGenerator<TRatingExportRow> {
  let query = db
    .selectFrom("rating as r")
    .innerJoin("case as c", "c.id", "r.case_id")
    .innerJoin("service_item as i", "i.id", "r.service_item_id")
    .innerJoin("department as d", "d.id", "r.department_id")
    .leftJoin("window as w", "w.id", "r.window_id")
    .leftJoin("staff as s", "s.id", "r.staff_id")
    .leftJoin("rating_exclusion as x", (join) => {
      const excluded = join.onRef("x.rating_id", "=", "r.id");
      return range.asOf === undefined ? excluded : excluded.on("x.created_at", "<=", range.asOf);
    })
    .select([
      "c.case_no as caseNo",
      "r.seq",
      "i.code as itemCode",
      "i.name as itemName",
      "d.name as departmentName",
      "w.code as windowCode",
      "w.name as windowName",
      "s.badge_no as staffBadgeNo",
      "r.channel",
      "r.level",
      "r.is_default as isDefault",
      sql<number>`x.id is not null`.as("excluded"),
      sql<string>`coalesce((select group_concat(rr.reason_code order by rr.reason_code separator ' ') from rating_reason rr where rr.rating_id = r.id), '')`.as(
        "reasonCodes",
      ),
      sql<string>`date_format(${onHallClock("r.rated_at")}, ${HALL_LOCAL})`.as("ratedAt"),
      sql<string>`date_format(${onHallClock("r.received_at")}, ${HALL_LOCAL})`.as("receivedAt"),
    ])
    .where("r.hall_id", "=", range.hallId)
    .where("r.rated_at", ">=", range.start)
    .where("r.rated_at", "<", range.end)
    .orderBy("r.rated_at")
    .orderBy("r.id");
  if (range.departmentId !== undefined) query = query.where("r.department_id", "=", range.departmentId);
  if (range.asOf !== undefined) query = query.where("r.received_at", "<=", range.asOf);
  // Leaving the loop early (the client went away) ends the stream and frees its connection.
  for await (const row of query.stream(chunkSize)) yield { ...row, excluded: Number(row.excluded) === 1 };
}
