import { listCalendarExceptions } from "@hcp/db";
import type { Db } from "@hcp/db";
import { addCalendarDays, addWorkingDays } from "@hcp/domain";
import type { TCalendarExceptions } from "@hcp/domain";

/**
 * `days` working days after a hall-local date, on the calendar in the database (editable, so a
 * newly published holiday notice changes deadlines without a release).
 */
export async function addHallWorkingDays(db: Db, from: string, days: number): Promise<string> {
  // Generous range: even 30 working days across the Spring Festival fit in 3 × days + 30 calendar days.
  const exceptions = await listCalendarExceptions(db, from, addCalendarDays(from, days * 3 + 30));
  return addWorkingDays(from, days, new Map(exceptions.map((day) => [day.date, day])));
}

/** The calendar's exceptions covering every given date (and the days between them). */
export async function exceptionsCovering(db: Db, dates: readonly string[]): Promise<TCalendarExceptions> {
  if (dates.length === 0) return new Map();
  const sorted = [...dates].sort();
  const exceptions = await listCalendarExceptions(db, sorted[0] ?? "", sorted.at(-1) ?? "");
  return new Map(exceptions.map((day) => [day.date, day]));
}
