import { z } from "zod";

import { ZPeriod, type TPeriod } from "@hcp/domain";

import { monthOf, periodKindOf, weekOf, type TPeriodKind } from "../../lib/period";
import { performanceStrings } from "./strings";

const t = performanceStrings.period;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The picker's fields, flat so one form holds every mode; only the fields of the chosen kind are
 * checked. A custom period is checked by the API's own ZPeriod, so both give the same message.
 */
export const ZPeriodPick = z
  .object({
    kind: z.enum(["day", "week", "month", "custom"]),
    day: z.string(),
    month: z.string(),
    from: z.string(),
    to: z.string(),
  })
  .superRefine((pick, issues) => {
    if (pick.kind === "day" || pick.kind === "week") {
      if (!DATE.test(pick.day)) issues.addIssue({ code: "custom", path: ["day"], message: t.required });
    } else if (pick.kind === "month") {
      if (pick.month === "") issues.addIssue({ code: "custom", path: ["month"], message: t.monthRequired });
      else if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(pick.month))
        issues.addIssue({ code: "custom", path: ["month"], message: t.monthInvalid });
    } else {
      const parsed = ZPeriod.safeParse({ from: pick.from, to: pick.to });
      for (const issue of parsed.error?.issues ?? [])
        issues.addIssue({ code: "custom", path: issue.path, message: issue.message });
    }
  });
export type TPeriodPick = z.infer<typeof ZPeriodPick>;

/** The period a valid pick stands for. */
export function periodOfPick(pick: TPeriodPick): TPeriod {
  switch (pick.kind) {
    case "day":
      return { from: pick.day, to: pick.day };
    case "week":
      return weekOf(pick.day);
    case "month":
      return monthOf(pick.month);
    case "custom":
      return { from: pick.from, to: pick.to };
  }
}

/** The picker's fields for a period, in the mode that made it. */
export function pickOfPeriod(period: TPeriod): TPeriodPick {
  const kind: TPeriodKind = periodKindOf(period);
  return { kind, day: period.from, month: period.from.slice(0, 7), from: period.from, to: period.to };
}
