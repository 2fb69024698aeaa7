import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import {
  listCalendarExceptions,
  listConfirmedCalendarYears,
  listHallServiceDays,
  saveCalendarDay,
  saveHallServiceDay,
} from "@hcp/db";
import {
  countWorkingDays,
  dayKind,
  hallDate,
  scheduleFromDays,
  yearsAwaitingSchedule,
  ZCalendarDaySet,
  ZHolidaySchedule,
  ZServiceDaySet,
} from "@hcp/domain";

import { actorOf, audit } from "../services/audit";
import { confirmHolidaySchedule } from "../services/calendar";
import { authedProcedure } from "../trpc";

/**
 * The working-day calendar: statutory holidays and 调休 make-up days, published each November.
 * Administrators edit it here; deadlines and daily averages read it from the database.
 */
export const calendarRouter = {
  year: authedProcedure
    .input(z.object({ year: z.number().int().min(2000).max(2100) }))
    .query(async ({ ctx, input }) => {
      const from = `${input.year}-01-01`;
      const to = `${input.year}-12-31`;
      const [exceptions, confirmedYears, serviceDays] = await Promise.all([
        listCalendarExceptions(ctx.db, from, to),
        listConfirmedCalendarYears(ctx.db),
        listHallServiceDays(ctx.db, ctx.user.hall_id, from, to),
      ]);
      const map = new Map(exceptions.map((day) => [day.date, day]));
      const confirmation = confirmedYears.find((row) => row.year === input.year);
      return {
        year: input.year,
        workingDays: countWorkingDays(from, to, map),
        exceptions,
        serviceDays,
        /** null: no confirmed schedule, the year's working days are Monday to Friday for now */
        confirmation: confirmation
          ? {
              source: confirmation.source,
              confirmedBy: confirmation.confirmedByName,
              confirmedAt: confirmation.confirmedAt.toISOString(),
            }
          : null,
        /** the stored days as the notice lists them, to open the schedule form on */
        schedule: scheduleFromDays(input.year, exceptions),
      };
    }),

  /**
   * The years still awaiting their schedule today (this year, and from 1 November the next):
   * administrators are told on every console page until the schedule is confirmed.
   */
  status: authedProcedure.query(async ({ ctx }) => {
    const confirmed = await listConfirmedCalendarYears(ctx.db);
    const today = hallDate(ctx.now());
    return { today, awaitingYears: yearsAwaitingSchedule(today, new Set(confirmed.map((row) => row.year))) };
  }),

  /**
   * Enters and confirms a year's schedule as the State Council notice lists it (from the form or an
   * imported file); stored work-order deadlines counted across the year are recounted at once.
   */
  confirmSchedule: authedProcedure
    .input(z.object({ schedule: ZHolidaySchedule, source: z.enum(["form", "file"]).default("form") }))
    .mutation(async ({ ctx, input }) => {
      return confirmHolidaySchedule(ctx, input.schedule, input.source);
    }),

  /** Marks a date as holiday or make-up working day, or back to the Monday–Friday rule. */
  setDay: authedProcedure.input(ZCalendarDaySet).mutation(async ({ ctx, input }) => {
    await ctx.db.transaction().execute(async (trx) => {
      const before = await saveCalendarDay(
        trx,
        input.date,
        input.kind === "regular" ? null : { kind: input.kind, name: input.name },
      );
      const after = input.kind === "regular" ? null : { kind: input.kind, name: input.name };
      await audit(trx, actorOf(ctx), {
        action: "calendar.setDay",
        entity: "calendar_day",
        entityId: input.date,
        before,
        after,
      });
    });
    const exceptions = await listCalendarExceptions(ctx.db, input.date, input.date);
    return { date: input.date, kind: dayKind(input.date, new Map(exceptions.map((day) => [day.date, day]))) };
  }),

  /** A hall's own extra service day (延时/预约/节假日服务): cases on it count like any other. */
  setServiceDay: authedProcedure.input(ZServiceDaySet).mutation(async ({ ctx, input }) => {
    await ctx.db.transaction().execute(async (trx) => {
      const before = await saveHallServiceDay(trx, ctx.user.hall_id, input.date, input.remove ? null : input.note);
      const after = input.remove ? null : { note: input.note };
      await audit(trx, actorOf(ctx), {
        action: "calendar.setServiceDay",
        entity: "hall_service_day",
        entityId: `${ctx.user.hall_id}:${input.date}`,
        before,
        after,
      });
    });
    return { ok: true as const };
  }),
} satisfies TRPCRouterRecord;
