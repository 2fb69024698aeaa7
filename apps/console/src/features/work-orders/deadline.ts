import { addCalendarDays, countWorkingDays, exceptionsFromSchedules } from "@hcp/domain";
import type { TWorkOrderState } from "@hcp/domain";

/** The national 法定节假日 / 调休 schedules; a hall's own service days are not known here. */
const NATIONAL_CALENDAR = exceptionsFromSchedules();

export type TDeadlineKind = "contact" | "rectify";

/**
 * The deadline a queue row is working towards: the call-back while the order waits for it, then
 * the rectification until it is done; none once rectified, replied, closed or under appeal.
 */
export function rowDeadline(row: { state: TWorkOrderState; contactDue: string; rectifyDue: string }): {
  kind: TDeadlineKind | null;
  due: string | null;
} {
  switch (row.state) {
    case "pending":
      return { kind: "contact", due: row.contactDue };
    case "contacted":
    case "rectifying":
    case "cannot_rectify_requested":
      return { kind: "rectify", due: row.rectifyDue };
    default:
      return { kind: null, due: null };
  }
}

/**
 * Working days left after `today` up to and including `due` (0 = due by the end of today).
 * @example workingDaysLeft("2023-09-28", "2023-10-09") // 3 — 09-29…10-06 are off, 10-07 and 10-08 worked
 */
export function workingDaysLeft(today: string, due: string): number {
  if (due <= today) return 0;
  return countWorkingDays(addCalendarDays(today, 1), due, NATIONAL_CALENDAR);
}
