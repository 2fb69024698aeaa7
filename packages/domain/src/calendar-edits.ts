import { z } from "zod";

/**
 * The admin's edits of the working-day calendar, one schema each for the console's form and the
 * procedure's input (calendar.setDay / calendar.setServiceDay), so both refuse the same values with
 * the same words.
 */

/** A date input's value: required, then `YYYY-MM-DD`. */
const ZCalendarDate = z
  .string({ error: "请选择日期" })
  .min(1, { error: "请选择日期" })
  .pipe(z.iso.date({ error: "日期格式应为 YYYY-MM-DD" }));

/**
 * 设置法定节假日和调休: a date, what it becomes, and the holiday's name. A holiday or make-up day
 * needs its name (the grid and the deadlines show it); 恢复常规 needs none.
 */
export const ZCalendarDaySet = z
  .object({
    date: ZCalendarDate,
    kind: z.enum(["holiday", "makeup", "regular"], { error: "请选择要设为哪一类" }),
    name: z.string().trim().max(32, { error: "节日名称不能超过 32 个字" }).default(""),
  })
  .refine((value) => value.kind === "regular" || value.name !== "", {
    error: "请填写节日名称",
    path: ["name"],
    // Checked even while the date is still missing, so a form shows every problem at once.
    when: (payload) => {
      const value = payload.value as { kind?: unknown; name?: unknown };
      return (
        (value.kind === "holiday" || value.kind === "makeup") &&
        (value.name === undefined || typeof value.name === "string")
      );
    },
  });
export type TCalendarDaySetInput = z.input<typeof ZCalendarDaySet>;
export type TCalendarDaySet = z.output<typeof ZCalendarDaySet>;

/** 本厅服务日: a date and a note, or the date's removal. */
export const ZServiceDaySet = z.object({
  date: ZCalendarDate,
  note: z.string().trim().max(100, { error: "服务说明不能超过 100 个字" }).default(""),
  remove: z.boolean().default(false),
});
export type TServiceDaySetInput = z.input<typeof ZServiceDaySet>;
export type TServiceDaySet = z.output<typeof ZServiceDaySet>;
