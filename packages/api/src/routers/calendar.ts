import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { ZCalendarDaySet, ZHolidaySchedule, ZServiceDaySet } from "@hcp/domain";

import { confirmHolidaySchedule } from "../services/calendar";
import { setCalendarDay } from "../services/working-calendar/set-day";
import { setServiceDay } from "../services/working-calendar/set-service-day";
import { calendarStatus } from "../services/working-calendar/status";
import { calendarYear } from "../services/working-calendar/year";
import { authedProcedure } from "../trpc";

/**
 * The working-day calendar: statutory holidays and 调休 make-up days, published each November.
 * Administrators edit it here; deadlines and daily averages read it from the database.
 */
export const calendarRouter = {
  year: authedProcedure
    .input(z.object({ year: z.number().int().min(2000).max(2100) }))
    .query(({ ctx, input }) => calendarYear(ctx, input.year)),

  /**
   * The years still awaiting their schedule today (this year, and from 1 November the next):
   * administrators are told on every console page until the schedule is confirmed.
   */
  status: authedProcedure.query(({ ctx }) => calendarStatus(ctx)),

  /**
   * Enters and confirms a year's schedule as the State Council notice lists it (from the form or an
   * imported file); stored work-order deadlines counted across the year are recounted at once.
   */
  confirmSchedule: authedProcedure
    .input(z.object({ schedule: ZHolidaySchedule, source: z.enum(["form", "file"]).default("form") }))
    .mutation(({ ctx, input }) => confirmHolidaySchedule(ctx, input.schedule, input.source)),

  /** Marks a date as holiday or make-up working day, or back to the Monday–Friday rule. */
  setDay: authedProcedure.input(ZCalendarDaySet).mutation(({ ctx, input }) => setCalendarDay(ctx, input)),

  /** A hall's own extra service day (延时/预约/节假日服务): cases on it count like any other. */
  setServiceDay: authedProcedure.input(ZServiceDaySet).mutation(({ ctx, input }) => setServiceDay(ctx, input)),
} satisfies TRPCRouterRecord;
