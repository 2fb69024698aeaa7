import { listCalendarExceptions, listHallServiceDays, type Db } from "@hcp/db";
import {
  addCalendarDays,
  datesBetween,
  hallDate,
  hallDayBounds,
  isWorkingDay,
  openingHoursOf,
  openingHoursText,
  openingIntervals,
} from "@hcp/domain";

/** How far ahead an evaluator is told the hall's hours; past it, it asks again. */
const HORIZON_DAYS = 14;

/**
 * When the hall is open, as an evaluator needs it to show 非办公时间 by itself: the open intervals
 * (epoch milliseconds) from now to the horizon, on the working-day calendar and the hall's own
 * service days, and the hours in words. The tablet holds no calendar: it only compares its clock.
 */
export interface TKioskOpening {
  intervals: [number, number][];
  /** epoch ms up to which `intervals` are known */
  until: number;
  text: string;
}

export async function kioskOpening(
  db: Db,
  hall: { id: number; opening_hours: string },
  now: Date,
): Promise<TKioskOpening> {
  const hours = openingHoursOf(hall.opening_hours);
  // From yesterday: a night's period that began then may still run.
  const from = addCalendarDays(hallDate(now), -1);
  const to = addCalendarDays(hallDate(now), HORIZON_DAYS);
  const [exceptions, serviceDays] = await Promise.all([
    listCalendarExceptions(db, from, to),
    listHallServiceDays(db, hall.id, from, to),
  ]);
  const calendar = new Map(exceptions.map((day) => [day.date, day]));
  const served = new Set(serviceDays.map((day) => day.date));
  const days = datesBetween(from, to).map((date) => ({
    date,
    kind: isWorkingDay(date, calendar)
      ? ("working" as const)
      : served.has(date)
        ? ("serviceDay" as const)
        : ("nonWorking" as const),
  }));
  return {
    intervals: openingIntervals(hours, days)
      .filter((interval) => interval.end.getTime() > now.getTime())
      .map((interval) => [interval.start.getTime(), interval.end.getTime()]),
    until: hallDayBounds(to).end.getTime(),
    text: openingHoursText(hours),
  };
}
