import { listCalendarExceptions } from "@hcp/db";
import type { Db } from "@hcp/db";
import { addCalendarDays, addWorkingDays } from "@hcp/domain";

/**
 * `days` working days after a hall-local date, on the calendar in the database (editable, so a
 * newly published holiday notice changes deadlines without a release).
 */
export async function addHallWorkingDays(db: Db, from: string, days: number): Promise<string> {
  // Generous range: even 30 working days across the Spring Festival fit in 3 × days + 30 calendar days.
  const exceptions = await listCalendarExceptions(db, from, addCalendarDays(from, days * 3 + 30));
  return addWorkingDays(from, days, new Map(exceptions.map((day) => [day.date, day])));
}
