import { listConfirmedCalendarYears } from "@hcp/db";
import { hallDate, yearsAwaitingSchedule } from "@hcp/domain";

import type { TContext } from "../../context-types";

/**
 * The years still awaiting their schedule today (this year, and from 1 November the next):
 * administrators are told on every console page until the schedule is confirmed.
 */
export async function calendarStatus(ctx: TContext): Promise<{ today: string; awaitingYears: number[] }> {
  const confirmed = await listConfirmedCalendarYears(ctx.db);
  const today = hallDate(ctx.now());
  return { today, awaitingYears: yearsAwaitingSchedule(today, new Set(confirmed.map((row) => row.year))) };
}
