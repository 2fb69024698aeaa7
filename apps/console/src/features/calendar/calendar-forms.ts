import { z } from "zod";
import { calendarStrings } from "./strings";


const t = calendarStrings;

/** A date input's value: required, then `YYYY-MM-DD` (what `calendar.setDay`/`setServiceDay` accept). */
const ZDateField = z
  .string()
  .min(1, { error: t.dateRequired })
  .pipe(z.iso.date({ error: t.dateInvalid }));

/**
 * 设置法定节假日和调休 (admin): a date, what it becomes, and the holiday's name. A holiday or
 * make-up day needs its name (the grid and deadlines show it); 恢复常规 needs none.
 */
export const ZCalendarDayForm = z
  .object({
    date: ZDateField,
    kind: z.enum(["holiday", "makeup", "regular"], { error: t.kindRequired }),
    name: z.string().trim().max(32, { error: t.nameTooLong }),
  })
  .refine((value) => value.kind === "regular" || value.name !== "", {
    error: t.nameRequired,
    path: ["name"],
    // Checked even while the date is still missing, so every problem shows at once.
    when: (payload) => {
      const value = payload.value as { kind?: unknown; name?: unknown };
      return (value.kind === "holiday" || value.kind === "makeup") && typeof value.name === "string";
    },
  });
export type TCalendarDayFormInput = z.input<typeof ZCalendarDayForm>;
export type TCalendarDayForm = z.output<typeof ZCalendarDayForm>;

/** 本厅服务日 (admin, hall manager): a date and a note, or the date's removal. */
export const ZServiceDayForm = z.object({
  date: ZDateField,
  note: z.string().trim().max(100, { error: t.noteTooLong }),
  remove: z.boolean(),
});
export type TServiceDayFormInput = z.input<typeof ZServiceDayForm>;
export type TServiceDayForm = z.output<typeof ZServiceDayForm>;
