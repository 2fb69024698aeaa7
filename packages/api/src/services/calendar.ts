import {
  confirmedCalendarYears,
  listCalendarExceptions,
  listPromisedCaseDuesFrom,
  listWorkOrderDuesFrom,
  lockCalendarYear,
  promisedCaseDueSpan,
  replaceCalendarYearDays,
  saveCalendarYearConfirmation,
  setCaseDueDate,
  setWorkOrderDues,
  workOrderDueSpan,
  type Db,
  type TDueSpan,
  type TReportRange,
} from "@hcp/db";
import {
  addCalendarDays,
  addWorkingDays,
  countWorkingDays,
  hallDate,
  hallDayBounds,
  isProvisionalSpan,
  scheduleDays,
  scheduleFromDays,
  type TCalendarExceptions,
  type THolidaySchedule,
} from "@hcp/domain";

import type { TContext } from "../context-types";
import { actorOf, audit } from "./audit";

type TUserContext = TContext & { user: NonNullable<TContext["user"]> };

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

/**
 * Whether working days counted across `dates` (from the earliest to the latest) rest on a year
 * without a confirmed schedule — shown as "暂按周末计算" beside the figure.
 */
export async function provisionalCalendar(db: Db): Promise<(...dates: string[]) => boolean> {
  const confirmed = await confirmedCalendarYears(db);
  return (...dates) => {
    const sorted = [...dates].sort();
    return sorted.length > 0 && isProvisionalSpan(sorted[0] ?? "", sorted.at(-1) ?? "", confirmed);
  };
}

/**
 * Whether a 承诺件's due date was counted across a year without a confirmed schedule (暂按周末计算).
 * Derived, not stored: confirming a year recounts every due date across it in the confirming
 * transaction, so a due date touching only confirmed years is already on the confirmed calendar.
 */
export function isDueDateProvisional(
  provisional: (...dates: string[]) => boolean,
  receivedAt: Date,
  dueDate: string | null,
): boolean {
  return dueDate !== null && provisional(hallDate(receivedAt), dueDate);
}

/** A period's on-time figures whose deadlines were counted across a year without a confirmed schedule. */
export interface TDeadlinesProvisional {
  /** 按时办结率: by the receipt and due dates of the 承诺件 completed in the period */
  onTimeCompletion: boolean;
  /** 按时整改率: by the opening and rectification due dates of the work orders opened in the period */
  workOrders: boolean;
}

export async function deadlinesProvisional(
  db: Db,
  range: TReportRange,
  provisional?: (...dates: string[]) => boolean,
): Promise<TDeadlinesProvisional> {
  const counted = provisional ?? (await provisionalCalendar(db));
  const [cases, orders] = await Promise.all([promisedCaseDueSpan(db, range), workOrderDueSpan(db, range)]);
  return { onTimeCompletion: isSpanProvisional(counted, cases), workOrders: isSpanProvisional(counted, orders) };
}

/**
 * 按时办结率 of the 承诺件 completed in the range (of one department or staff member when given),
 * counted across an unconfirmed year.
 */
export async function onTimeCompletionProvisional(
  db: Db,
  range: TReportRange & { staffId?: number },
  provisional?: (...dates: string[]) => boolean,
): Promise<boolean> {
  const [counted, cases] = await Promise.all([provisional ?? provisionalCalendar(db), promisedCaseDueSpan(db, range)]);
  return isSpanProvisional(counted, cases);
}

function isSpanProvisional(provisional: (...dates: string[]) => boolean, span: TDueSpan | null): boolean {
  return span !== null && provisional(hallDate(span.from), span.to);
}

async function exceptionsBetween(db: Db, from: string, to: string): Promise<TCalendarExceptions> {
  return new Map((await listCalendarExceptions(db, from, to)).map((day) => [day.date, day]));
}

/** A stored deadline moved onto another calendar: as many working days after the opening day. */
function movedDue(opened: string, due: string, before: TCalendarExceptions, after: TCalendarExceptions): string {
  return addWorkingDays(opened, countWorkingDays(addCalendarDays(opened, 1), due, before), after);
}

export interface TScheduleConfirmed {
  year: number;
  workingDays: number;
  /** work orders whose stored deadlines moved onto the confirmed calendar */
  movedWorkOrders: { id: number; contactDue: string; rectifyDue: string }[];
  /** how many 承诺件 due dates moved onto the confirmed calendar */
  movedCases: number;
}

/**
 * Every 承诺件 due date counted across the year, recounted on the confirmed calendar (open and
 * completed alike: 按时办结率 judges them by it). The moves are written grouped by their new date
 * and recorded in one `case.recomputeDueDates` record, not one per case: a confirmation in spring
 * moves thousands of due dates by one rule in one act of one person, and a record per case would
 * bury every other action in the 审计日志, while this one still lets an auditor check each case's
 * old and new date (by case number) against the confirmed schedule in the record beside it.
 */
async function recountCaseDues(
  trx: Db,
  ctx: TUserContext,
  year: number,
  before: TCalendarExceptions,
  after: TCalendarExceptions,
): Promise<number> {
  const moved = { before: {} as Record<string, string>, after: {} as Record<string, string> };
  const idsByDue = new Map<string, number[]>();
  for (const row of await listPromisedCaseDuesFrom(trx, `${year}-01-01`, hallDayBounds(`${year}-12-31`).end)) {
    const due = movedDue(hallDate(row.receivedAt), row.dueDate, before, after);
    if (due === row.dueDate) continue;
    moved.before[row.caseNo] = row.dueDate;
    moved.after[row.caseNo] = due;
    idsByDue.set(due, [...(idsByDue.get(due) ?? []), row.id]);
  }
  for (const [due, ids] of idsByDue) await setCaseDueDate(trx, due, ids);
  const count = Object.keys(moved.after).length;
  if (count > 0) {
    await audit(trx, actorOf(ctx), {
      action: "case.recomputeDueDates",
      entity: "calendar_year",
      entityId: year,
      before: { dueDates: moved.before },
      after: { dueDates: moved.after },
      detail: { reason: "calendar.confirmYear", year, cases: count },
    });
  }
  return count;
}

/**
 * Enters a year's schedule as the notice lists it and confirms it, in one transaction: the year's
 * days are replaced, the confirmation records who and when, and every work order whose deadline
 * was counted across the year gets its running deadlines recounted on the confirmed calendar (each
 * move audited), so no running deadline keeps the "weekdays only" count it was given before;
 * closed orders and met deadlines stay as they were judged.
 */
export async function confirmHolidaySchedule(
  ctx: TUserContext,
  schedule: THolidaySchedule,
  source: "form" | "file",
): Promise<TScheduleConfirmed> {
  const { year } = schedule;
  // Deadlines of orders opened late the year before, or running into the next, cross this year too.
  const span = { from: `${year - 1}-01-01`, to: `${year + 1}-12-31` };
  return ctx.db.transaction().execute(async (trx) => {
    const confirmationBefore = await lockCalendarYear(trx, year);
    const before = await exceptionsBetween(trx, span.from, span.to);
    const daysBefore = [...before]
      .filter(([date]) => date.startsWith(`${year}-`))
      .map(([date, day]) => ({ date, ...day }));
    await replaceCalendarYearDays(trx, year, scheduleDays(schedule));
    const confirmation = {
      year,
      source,
      confirmedByUserId: ctx.user.id,
      confirmedByName: ctx.user.display_name,
      confirmedAt: ctx.now(),
    };
    await saveCalendarYearConfirmation(trx, confirmation);
    const after = await exceptionsBetween(trx, span.from, span.to);

    const movedWorkOrders: TScheduleConfirmed["movedWorkOrders"] = [];
    for (const order of await listWorkOrderDuesFrom(trx, `${year}-01-01`, hallDayBounds(`${year}-12-31`).end)) {
      const opened = hallDate(order.createdAt);
      // A met deadline keeps its date (listWorkOrderDuesFrom leaves closed orders out altogether).
      const dues = {
        contactDue: order.contacted ? order.contactDue : movedDue(opened, order.contactDue, before, after),
        rectifyDue: order.rectified ? order.rectifyDue : movedDue(opened, order.rectifyDue, before, after),
      };
      if (dues.contactDue === order.contactDue && dues.rectifyDue === order.rectifyDue) continue;
      await setWorkOrderDues(trx, order.id, dues);
      await audit(trx, actorOf(ctx), {
        action: "workOrder.recomputeDeadline",
        entity: "work_order",
        entityId: order.id,
        before: { contactDue: order.contactDue, rectifyDue: order.rectifyDue },
        after: dues,
        detail: { reason: "calendar.confirmYear", year },
      });
      movedWorkOrders.push({ id: order.id, ...dues });
    }
    const movedCases = await recountCaseDues(trx, ctx, year, before, after);
    await audit(trx, actorOf(ctx), {
      action: "calendar.confirmYear",
      entity: "calendar_year",
      entityId: year,
      before: { confirmed: confirmationBefore ?? null, schedule: scheduleFromDays(year, daysBefore) },
      after: { source, schedule, movedWorkOrders: movedWorkOrders.map((order) => order.id), movedCases },
    });
    return {
      year,
      workingDays: countWorkingDays(`${year}-01-01`, `${year}-12-31`, after),
      movedWorkOrders,
      movedCases,
    };
  });
}
