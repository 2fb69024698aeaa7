import { afterAll, expect, test } from "vitest";

import { insertCase, syncReferenceData } from "@hcp/db";
import { fixtureCase } from "@hcp/db/testing";
import { hallDate, yearsAwaitingSchedule } from "@hcp/domain";

import { signInToConsole } from "./console";
import { usePlatform } from "./platform";

const platform = usePlatform();

/** The year the console asks for today; made due (its confirmation withdrawn) when none is. */
async function yearDue(): Promise<number> {
  const today = hallDate(new Date());
  const confirmed = await platform.db.selectFrom("calendar_year").select("year").execute();
  const due = yearsAwaitingSchedule(today, new Set(confirmed.map((row) => row.year)))[0];
  if (due !== undefined) return due;
  // Between January and October of a year with a built-in notice nothing is due: withdraw its confirmation.
  const year = Number(today.slice(0, 4));
  await platform.db.deleteFrom("calendar_year").where("year", "=", year).execute();
  return year;
}

let enteredYear: number | null = null;

afterAll(async () => {
  // The calendar is reference data every spec shares: the year goes back to what the release ships.
  if (enteredYear === null) return;
  await platform.db.deleteFrom("calendar_year").where("year", "=", enteredYear).execute();
  await platform.db
    .deleteFrom("calendar_day")
    .where("date", ">=", `${enteredYear}-01-01`)
    .where("date", "<=", `${enteredYear}-12-31`)
    .execute();
  await syncReferenceData(platform.db);
});

test("an administrator is warned of the missing holiday schedule on every page, enters it as the notice lists it on 工作日历, and the warning goes; the desk marks a 承诺件 due in that year 暂按周末计算 until then", async () => {
  const year = await yearDue();
  enteredYear = year;
  const context = await platform.browser.newContext({ viewport: { width: 1440, height: 900 } });
  // A 承诺件 received today and due in the year awaiting its schedule: the desk marks its due date.
  const caseNo = `DUE-${String(year)}-PROVISIONAL`;
  await insertCase(
    platform.db,
    fixtureCase(platform.hall, {
      caseNo,
      promised: true,
      receivedAt: new Date(),
      completedAt: null,
      dueDate: `${String(year)}-12-01`,
    }),
  );
  const deskContext = await platform.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const desk = await deskContext.newPage();
  await signInToConsole(desk, platform.baseUrl, platform.hall.users.window_staff.username);
  await desk.goto(`${platform.baseUrl}/console/desk`);
  const due = desk.locator(`[data-testid="case-row"][data-case-no="${caseNo}"]`).getByTestId("case-due");
  await due.getByTestId("provisional-calendar").getByText("暂按周末计算", { exact: true }).waitFor();

  const admin = await context.newPage();
  await signInToConsole(admin, platform.baseUrl, platform.hall.users.admin.username);

  const notice = admin.getByTestId("calendar-notice");
  await notice.getByText(`尚未录入并确认 ${year} 年的法定节假日安排`, { exact: false }).waitFor();
  await notice.getByRole("link", { name: `录入 ${year} 年安排` }).click();
  await admin.getByText(`${year} 年节假日安排尚未确认`, { exact: false }).waitFor();

  const form = admin.getByRole("region", { name: `录入 ${year} 年节假日安排` });
  const holiday = form.getByRole("group", { name: "放假安排第 1 条" });
  await holiday.getByLabel("节日").fill("元旦");
  await holiday.getByLabel("放假开始").fill(`${year}-01-01`);
  await holiday.getByLabel("放假结束").fill(`${year}-01-01`);
  // A make-up day on a weekday is refused at its field, in Chinese, before anything is sent.
  const weekday = firstDay(year, [1, 2, 3, 4, 5], `${year}-03-01`);
  await form.getByRole("button", { name: "添加调休上班日" }).click();
  const makeup = form.getByRole("group", { name: "调休上班日第 1 条" });
  await makeup.getByLabel("节日").fill("元旦");
  await makeup.getByLabel("上班日期").fill(weekday.date);
  await form.getByRole("button", { name: `确认 ${year} 年节假日安排` }).click();
  await form.getByText(`调休上班日 ${weekday.date} 是${weekday.name}，本来就上班；调休上班日应是周六或周日`).waitFor();
  expect(await platform.db.selectFrom("calendar_year").select("year").where("year", "=", year).execute()).toEqual([]);

  const saturday = firstDay(year, [6], `${year}-03-01`);
  await makeup.getByLabel("上班日期").fill(saturday.date);
  await form.getByRole("button", { name: `确认 ${year} 年节假日安排` }).click();
  await form.getByText(`${year} 年节假日安排已确认`, { exact: false }).waitFor();
  await admin
    .getByTestId("calendar-confirmation")
    .getByText(`${year} 年节假日安排已确认：admin`, { exact: false })
    .waitFor();
  await notice.waitFor({ state: "detached" });
  // Confirmed: the due date was recounted on the confirmed calendar, and the desk no longer marks it.
  await desk.reload();
  await due.waitFor();
  expect(await due.getByTestId("provisional-calendar").count()).toBe(0);
  await deskContext.close();
  expect(
    await platform.db
      .selectFrom("calendar_day")
      .select(["date", "kind"])
      .where("date", "in", [`${year}-01-01`, saturday.date])
      .orderBy("date")
      .execute(),
  ).toEqual([
    { date: `${year}-01-01`, kind: "holiday" },
    { date: saturday.date, kind: "makeup" },
  ]);
  await context.close();
});

const WEEKDAY_NAMES = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

/** The first date from `from` on one of the given weekdays (0 = Sunday), with its Chinese name. */
function firstDay(year: number, weekdays: number[], from: string): { date: string; name: string } {
  for (
    let day = new Date(`${from}T00:00:00Z`);
    day.getUTCFullYear() === year;
    day = new Date(day.getTime() + 86_400_000)
  ) {
    if (weekdays.includes(day.getUTCDay()))
      return { date: day.toISOString().slice(0, 10), name: WEEKDAY_NAMES[day.getUTCDay()] ?? "" };
  }
  throw new Error(`no such day in ${String(year)}`);
}
