import { z } from "zod";

import { addCalendarDays, hallDate, hallMonth, type TPeriod } from "@hcp/domain";

import { appError } from "../../errors";

/**
 * Report months: hall-local "yyyy-mm" strings, their days, and whether a month has closed. A
 * month is closed once its last hall-local day is over; it is final (every figure settled, so the
 * scheduler archives it) once the rating window of its last day's cases has closed as well.
 */
const FIRST_REPORT_YEAR = 2000;
const LAST_REPORT_YEAR = 2100;

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const ZReportMonth = z
  .string({ error: "月份格式应为 YYYY-MM，例如 2023-03" })
  .regex(MONTH_PATTERN, { error: "月份格式应为 YYYY-MM，例如 2023-03" })
  .refine((month) => Number(month.slice(0, 4)) >= FIRST_REPORT_YEAR && Number(month.slice(0, 4)) <= LAST_REPORT_YEAR, {
    error: `月份应在 ${FIRST_REPORT_YEAR} 年至 ${LAST_REPORT_YEAR} 年之间`,
  });

/** The services are called by the scheduler too, not only through zod-checked procedures. */
export function checkMonth(month: string): void {
  if (!ZReportMonth.safeParse(month).success) throw appError("REPORT_MONTH_INVALID", "BAD_REQUEST");
}

export function addMonths(month: string, months: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + months;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The month's hall-local days, first to last. */
export function monthPeriod(month: string): TPeriod {
  const from = `${month}-01`;
  return { from, to: addCalendarDays(`${addMonths(month, 1)}-01`, -1) };
}

type TMonthState = "future" | "current" | "closed";

function monthState(month: string, now: Date): TMonthState {
  const current = hallMonth(now);
  if (month > current) return "future";
  return month === current ? "current" : "closed";
}

/** Refuses a month that has not closed yet, with the precise reason. */
export function requireClosedMonth(month: string, now: Date): void {
  checkMonth(month);
  const state = monthState(month, now);
  if (state === "future") throw appError("REPORT_MONTH_IN_FUTURE", "BAD_REQUEST");
  if (state === "current") throw appError("REPORT_MONTH_NOT_CLOSED", "BAD_REQUEST");
}

/**
 * True once no figure of the month can change any more: the month is over and so is the rating
 * window of a case completed on its last day (评价率 and 未评率 count ratings given up to then).
 */
export function monthIsFinal(month: string, now: Date, ratingWindowDays: number): boolean {
  return hallDate(now) > addCalendarDays(monthPeriod(month).to, ratingWindowDays);
}
