import { z } from "zod";

import { addCalendarDays, datesBetween, type TCalendarExceptionKind, type THolidaySchedule } from "./calendar";

/**
 * A year's holiday schedule as the State Council notice (国务院办公厅关于 X 年部分节假日安排的通知)
 * lists it: named holiday ranges and the 调休 make-up working days. Entered in the console's form or
 * imported from a file, and checked here once for both.
 */

const WEEKDAY_NAMES = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"] as const;

function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

const ZScheduleDate = z
  .string()
  .trim()
  .min(1, { error: "请填写日期" })
  .pipe(z.iso.date({ error: "日期格式应为 YYYY-MM-DD，且是真实存在的日期" }));

const ZScheduleName = z
  .string()
  .trim()
  .min(1, { error: "请填写节日名称" })
  .max(32, { error: "节日名称不能超过 32 字" });

const ZHolidayRange = z.object({ name: ZScheduleName, from: ZScheduleDate, to: ZScheduleDate });
const ZMakeupDay = z.object({ name: ZScheduleName, date: ZScheduleDate });

const FIRST_SCHEDULE_YEAR = 2000;
const LAST_SCHEDULE_YEAR = 2100;

export const ZHolidaySchedule = z
  .object({
    year: z
      .number({ error: "请选择年份" })
      .int({ error: "请选择年份" })
      .min(FIRST_SCHEDULE_YEAR, { error: `年份应在 ${FIRST_SCHEDULE_YEAR}–${LAST_SCHEDULE_YEAR} 之间` })
      .max(LAST_SCHEDULE_YEAR, { error: `年份应在 ${FIRST_SCHEDULE_YEAR}–${LAST_SCHEDULE_YEAR} 之间` }),
    holidays: z
      .array(ZHolidayRange)
      .min(1, { error: "请至少填写一段放假安排" })
      .max(20, { error: "放假安排不能超过 20 段" }),
    makeupDays: z.array(ZMakeupDay).max(20, { error: "调休上班日不能超过 20 天" }),
  })
  .superRefine((schedule, ctx) => {
    for (const issue of scheduleProblems(schedule))
      ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
  });
export type THolidayScheduleInput = z.input<typeof ZHolidaySchedule>;
/** A checked schedule (the form's and the procedure's value). */
export type THolidayScheduleValue = z.output<typeof ZHolidaySchedule>;

interface TScheduleProblem {
  message: string;
  path: (string | number)[];
}

const isDate = (value: string) => z.iso.date().safeParse(value).success;

/**
 * What a schedule of well-formed rows may still get wrong, each with the field it belongs to. Rows
 * with a malformed date already have their message and are left out, so no error follows from another.
 */
function scheduleProblems(schedule: THolidaySchedule): TScheduleProblem[] {
  const problems: TScheduleProblem[] = [];
  const inYear = (date: string) => date.startsWith(`${schedule.year}-`);
  const datedHoliday = (holiday: THolidaySchedule["holidays"][number]) => isDate(holiday.from) && isDate(holiday.to);
  schedule.holidays.forEach((holiday, index) => {
    if (!datedHoliday(holiday)) return;
    if (!inYear(holiday.from)) {
      problems.push({
        message: `“${holiday.name}”的放假开始日期 ${holiday.from} 不在 ${schedule.year} 年内`,
        path: ["holidays", index, "from"],
      });
    }
    if (!inYear(holiday.to)) {
      problems.push({
        message: `“${holiday.name}”的放假结束日期 ${holiday.to} 不在 ${schedule.year} 年内`,
        path: ["holidays", index, "to"],
      });
    }
    if (holiday.to < holiday.from) {
      problems.push({
        message: `“${holiday.name}”的结束日期 ${holiday.to} 早于开始日期 ${holiday.from}`,
        path: ["holidays", index, "to"],
      });
    }
  });
  schedule.holidays.forEach((holiday, index) => {
    if (!datedHoliday(holiday)) return;
    const earlier = schedule.holidays
      .slice(0, index)
      .find((other) => datedHoliday(other) && other.from <= holiday.to && holiday.from <= other.to);
    if (earlier && holiday.from <= holiday.to) {
      problems.push({
        message: `“${holiday.name}”的放假日期（${holiday.from} 至 ${holiday.to}）与“${earlier.name}”（${earlier.from} 至 ${earlier.to}）重叠`,
        path: ["holidays", index, "from"],
      });
    }
  });
  schedule.makeupDays.forEach((makeup, index) => {
    const path = ["makeupDays", index, "date"];
    if (!isDate(makeup.date)) return;
    if (!inYear(makeup.date)) {
      problems.push({ message: `调休上班日 ${makeup.date}（${makeup.name}）不在 ${schedule.year} 年内`, path });
    }
    const weekday = weekdayOf(makeup.date);
    if (weekday !== 0 && weekday !== 6) {
      problems.push({
        message: `调休上班日 ${makeup.date} 是${WEEKDAY_NAMES[weekday] ?? ""}，本来就上班；调休上班日应是周六或周日`,
        path,
      });
    }
    const during = schedule.holidays.find(
      (holiday) => datedHoliday(holiday) && holiday.from <= makeup.date && makeup.date <= holiday.to,
    );
    if (during) {
      problems.push({
        message: `调休上班日 ${makeup.date} 在“${during.name}”放假期间（${during.from} 至 ${during.to}）内`,
        path,
      });
    }
    if (schedule.makeupDays.slice(0, index).some((other) => other.date === makeup.date)) {
      problems.push({ message: `调休上班日 ${makeup.date} 重复填写`, path });
    }
  });
  return problems;
}

/** The schedule's dates as calendar rows: every day of each holiday range, and each make-up day. */
export function scheduleDays(
  schedule: THolidaySchedule,
): { date: string; kind: TCalendarExceptionKind; name: string }[] {
  const days = schedule.holidays.flatMap((holiday) =>
    datesBetween(holiday.from, holiday.to).map((date) => ({ date, kind: "holiday" as const, name: holiday.name })),
  );
  return [
    ...days,
    ...schedule.makeupDays.map((makeup) => ({ date: makeup.date, kind: "makeup" as const, name: makeup.name })),
  ].sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * A year's calendar rows read back as the notice lists them: consecutive holidays of one name form
 * a range, so the form opens on what is stored.
 */
export function scheduleFromDays(
  year: number,
  days: readonly { date: string; kind: TCalendarExceptionKind; name: string }[],
): THolidaySchedule {
  const holidays: { name: string; from: string; to: string }[] = [];
  const makeupDays: { name: string; date: string }[] = [];
  for (const day of [...days].sort((a, b) => a.date.localeCompare(b.date))) {
    if (day.kind === "makeup") {
      makeupDays.push({ name: day.name, date: day.date });
      continue;
    }
    const last = holidays.at(-1);
    if (last?.name === day.name && addCalendarDays(last.to, 1) === day.date) last.to = day.date;
    else holidays.push({ name: day.name, from: day.date, to: day.date });
  }
  return { year, holidays, makeupDays };
}

/** From 1 November the next year's notice is due (it is usually published then). */
const SCHEDULE_DUE_FROM = "11-01";

/**
 * The years whose schedule an administrator must be told to enter on `today`: this year if it is
 * not confirmed, and from 1 November next year too.
 */
export function yearsAwaitingSchedule(today: string, confirmedYears: ReadonlySet<number>): number[] {
  const year = Number(today.slice(0, 4));
  const years = today.slice(5) >= SCHEDULE_DUE_FROM ? [year, year + 1] : [year];
  return years.filter((candidate) => !confirmedYears.has(candidate));
}

/**
 * Whether working days counted from `from` to `to` rest on a year without a confirmed schedule
 * (counted, for now, as Monday to Friday: "暂按周末计算").
 */
export function isProvisionalSpan(from: string, to: string, confirmedYears: ReadonlySet<number>): boolean {
  const [first, last] = from <= to ? [from, to] : [to, from];
  for (let year = Number(first.slice(0, 4)); year <= Number(last.slice(0, 4)); year++) {
    if (!confirmedYears.has(year)) return true;
  }
  return false;
}

export const PROVISIONAL_CALENDAR_LABEL = "暂按周末计算";

/**
 * The import file, either the JSON of `THolidaySchedule` or a CSV with a header line
 * `类型,名称,开始日期,结束日期` and one line per holiday range (类型 放假) or make-up day (类型 调休上班,
 * 结束日期 empty). Errors name the line.
 */
const SCHEDULE_CSV_HEADER = "类型,名称,开始日期,结束日期";

export type TScheduleFileResult = { ok: true; schedule: THolidayScheduleValue } | { ok: false; errors: string[] };

export function parseScheduleFile(text: string, year: number): TScheduleFileResult {
  const content = text.replace(/^\uFEFF/, "").trim();
  if (content === "") return { ok: false, errors: ["文件是空的"] };
  const parsed = content.startsWith("{") ? scheduleFromJson(content, year) : scheduleFromCsv(content, year);
  if (!parsed.ok) return parsed;
  const checked = ZHolidaySchedule.safeParse(parsed.schedule);
  if (checked.success) return { ok: true, schedule: checked.data };
  return { ok: false, errors: checked.error.issues.map((issue) => issueText(issue, parsed.schedule)) };
}

function issueText(issue: z.core.$ZodIssue, schedule: THolidaySchedule): string {
  const [list, index] = issue.path;
  if (issue.code === "custom" || typeof index !== "number") return issue.message;
  const row =
    list === "holidays"
      ? schedule.holidays[index]?.name
      : list === "makeupDays"
        ? schedule.makeupDays[index]?.name
        : undefined;
  return row === undefined ? issue.message : `“${row}”：${issue.message}`;
}

function scheduleFromJson(content: string, year: number): TScheduleFileResult {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch {
    return { ok: false, errors: ["文件不是有效的 JSON，也不是以“类型,名称,开始日期,结束日期”开头的 CSV"] };
  }
  const shape = z
    .object({
      year: z.number(),
      holidays: z.array(z.object({ name: z.string(), from: z.string(), to: z.string() })),
      makeupDays: z.array(z.object({ name: z.string(), date: z.string() })),
    })
    .safeParse(value);
  if (!shape.success)
    return { ok: false, errors: ["JSON 应包含 year、holidays（name、from、to）和 makeupDays（name、date）"] };
  if (shape.data.year !== year)
    return { ok: false, errors: [`文件是 ${shape.data.year} 年的安排，正在填写的是 ${year} 年`] };
  return { ok: true, schedule: shape.data };
}

function scheduleFromCsv(content: string, year: number): TScheduleFileResult {
  const lines = content.split(/\r?\n/);
  const header = (lines[0] ?? "")
    .split(",")
    .map((cell) => cell.trim())
    .join(",");
  if (header !== SCHEDULE_CSV_HEADER) return { ok: false, errors: [`第 1 行应为表头“${SCHEDULE_CSV_HEADER}”`] };
  const schedule: THolidayScheduleValue = {
    year,
    holidays: [],
    makeupDays: [],
  };
  const errors: string[] = [];
  lines.slice(1).forEach((line, index) => {
    const lineNo = index + 2;
    if (line.trim() === "") return;
    const cells = line.split(",").map((cell) => cell.trim());
    const [kind = "", name = "", from = "", to = ""] = cells;
    if (cells.length > 4)
      errors.push(`第 ${lineNo} 行：应有 4 列（类型,名称,开始日期,结束日期），实际 ${cells.length} 列`);
    else if (kind === "放假") schedule.holidays.push({ name, from, to: to === "" ? from : to });
    else if (kind === "调休上班") {
      if (to !== "" && to !== from) errors.push(`第 ${lineNo} 行：调休上班每行一天，结束日期应留空`);
      else schedule.makeupDays.push({ name, date: from });
    } else errors.push(`第 ${lineNo} 行：类型应为“放假”或“调休上班”，而不是“${kind}”`);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, schedule };
}
