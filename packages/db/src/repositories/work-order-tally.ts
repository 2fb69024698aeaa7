import { sql } from "kysely";

import type { TWorkOrderTally } from "@hcp/domain";

import type { Db } from "../client";
import { hallMonthKey } from "./tally";

/**
 * Counts behind the 差评整改 rates for work orders opened in a period, per group. Excluded
 * (appeal upheld) reviews are not valid bad reviews and leave every count.
 */
export async function countWorkOrders(
  db: Db,
  filter: {
    hallId: number;
    start: Date;
    end: Date;
    today: string;
    by: "hall" | "department" | "window" | "month";
    departmentId?: number;
  },
): Promise<Map<number | null, TWorkOrderTally>> {
  const key =
    filter.by === "hall"
      ? sql<number | null>`null`
      : filter.by === "month"
        ? hallMonthKey("w.created_at")
        : sql<number | null>`${sql.ref(filter.by === "department" ? "w.department_id" : "w.window_id")}`;
  const departmentClause =
    filter.departmentId === undefined ? sql`` : sql`and w.department_id = ${filter.departmentId}`;
  // The deadline is the end of the due date, hall-local (UTC+8).
  const result = await sql<Record<string, number | null>>`
    select ${key} as \`key\`,
      count(*) as badReviews,
      sum(w.replied_at is not null) as replied,
      sum(w.contacted_at is not null and w.rectified_at is not null) as contactedAndRectified,
      sum(w.rectified_at is not null and w.rectified_at < timestampadd(hour, 16, cast(w.rectify_due as datetime))) as rectifiedOnTime,
      sum(f.id is not null) as followUps,
      sum(f.level >= 3) as goodFollowUps,
      sum(w.state not in ('replied', 'closed')) as open,
      sum(w.state not in ('replied', 'closed', 'appealed') and (
        (w.contacted_at is null and w.contact_due < ${filter.today}) or (w.rectified_at is null and w.rectify_due < ${filter.today})
      )) as overdue
    from work_order w
    left join rating_exclusion x on x.rating_id = w.rating_id
    left join rating f on f.case_id = w.case_id and f.seq = 2
    where w.hall_id = ${filter.hallId} and w.created_at >= ${filter.start} and w.created_at < ${filter.end}
      and x.id is null ${departmentClause}
    group by 1`.execute(db);
  const tallies = new Map<number | null, TWorkOrderTally>();
  for (const row of result.rows) {
    tallies.set(row.key ?? null, {
      badReviews: Number(row.badReviews ?? 0),
      replied: Number(row.replied ?? 0),
      contactedAndRectified: Number(row.contactedAndRectified ?? 0),
      rectifiedOnTime: Number(row.rectifiedOnTime ?? 0),
      followUps: Number(row.followUps ?? 0),
      goodFollowUps: Number(row.goodFollowUps ?? 0),
      open: Number(row.open ?? 0),
      overdue: Number(row.overdue ?? 0),
    });
  }
  return tallies;
}
