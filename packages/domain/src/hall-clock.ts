/**
 * The hall's clock. Halls keep Beijing time (Asia/Shanghai), which has kept no daylight saving since
 * 1991, so one fixed offset turns any instant into the hall's wall clock exactly: on a server or
 * device in any zone, in the browser without ICU time-zone data, and in SQL (`+ interval 8 hour`,
 * from HALL_UTC_OFFSET_HOURS). Every hall date, time of day and displayed time goes through here.
 */

export const HALL_TIME_ZONE = "Asia/Shanghai";
export const HALL_UTC_OFFSET_HOURS = 8;
export const HALL_UTC_OFFSET_MS = HALL_UTC_OFFSET_HOURS * 3_600_000;

const MS_PER_DAY = 86_400_000;

/** The hall's wall clock at an instant as an ISO string without zone: "2026-11-25T10:00:00.000". */
function wallClock(instant: Date): string {
  return new Date(instant.getTime() + HALL_UTC_OFFSET_MS).toISOString().slice(0, 23);
}

/** The hall-local date of an instant: "2026-11-25". */
export function hallDate(instant: Date): string {
  return wallClock(instant).slice(0, 10);
}

/** The hall-local month of an instant: "2026-11". */
export function hallMonth(instant: Date): string {
  return wallClock(instant).slice(0, 7);
}

/** The hall-local time of day of an instant, to the second: "10:00:05". */
export function hallTimeOfDay(instant: Date): string {
  return wallClock(instant).slice(11, 19);
}

/** The UTC instants bounding a hall-local date range [from 00:00, to+1 00:00). */
export function hallDayBounds(from: string, to: string = from): { start: Date; end: Date } {
  return {
    start: new Date(Date.parse(`${from}T00:00:00Z`) - HALL_UTC_OFFSET_MS),
    end: new Date(Date.parse(`${to}T00:00:00Z`) + MS_PER_DAY - HALL_UTC_OFFSET_MS),
  };
}

/** Date and time as machines and the provincial interface exchange them: "2026-11-25 10:00:05". */
export function hallTimestamp(instant: Date): string {
  return `${hallDate(instant)} ${hallTimeOfDay(instant)}`;
}

/** Date and time as people in the hall write it, to the second: "2026/11/25 10:00:05". */
export function hallDateTimeText(instant: Date): string {
  return `${hallDate(instant).replaceAll("-", "/")} ${hallTimeOfDay(instant)}`;
}

/** Date and time to the minute, for lists and tables: "2026/11/25 10:00". */
export function hallDateMinuteText(instant: Date): string {
  return hallDateTimeText(instant).slice(0, 16);
}

/** Time of day to the minute: "10:00". */
export function hallClockText(instant: Date): string {
  return hallTimeOfDay(instant).slice(0, 5);
}

/** Month and day in words with the time, for a date within the year: "11月26日 08:05". */
export function hallMonthDayText(instant: Date): string {
  const date = hallDate(instant);
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日 ${hallClockText(instant)}`;
}

/** Date in words with the time, as a citizen reads it on paper: "2026年11月25日 10:00". */
export function hallLongDateTimeText(instant: Date): string {
  return `${hallDate(instant).slice(0, 4)}年${hallMonthDayText(instant)}`;
}
