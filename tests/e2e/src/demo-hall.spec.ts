import { sql } from "kysely";
import { expect, test } from "vitest";

import { seedDemoHall } from "@hcp/api/demo";
import { recentPeriodStart } from "@hcp/db/seed";
import { addCalendarDays, hallDate, hallDayBounds } from "@hcp/domain";

import { signInToConsole } from "./console";
import { usePlatform } from "./platform";

const platform = usePlatform();
// Seeded once per file: a retried test finds the hall already there.
let demoHall: ReturnType<typeof seedDemoHall> | undefined;

// A twentieth of the year keeps the test quick; the catalogue is always complete. Seeded as
// `npm start` seeds it: 2023 and the recent days up to this moment.
function seededHall(): ReturnType<typeof seedDemoHall> {
  demoHall ??= seedDemoHall(platform.db, { scale: 0.05, now: new Date() });
  return demoHall;
}

test("the console shows the demo hall: 48 departments, 1,444 items and the year 2023", async () => {
  const demo = await seededHall();
  const manager = demo.accounts.find((account) => account.role === "hall_manager");
  if (!manager) throw new Error("the demo hall has no hall manager account");

  const context = await platform.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signInToConsole(page, platform.baseUrl, manager.username, manager.password);
  expect(page.url()).toContain("/console/overview");

  await page.goto(`${platform.baseUrl}/console/catalog`);
  expect(await page.getByTestId("department-count").getAttribute("data-value")).toBe("48");
  await page.getByTestId("item-count").waitFor();
  expect(await page.getByTestId("item-count").getAttribute("data-value")).toBe("1444");

  await page.goto(`${platform.baseUrl}/console/overview`);
  // The preset, not the shortcut inside the "no data this month" notice.
  await page.getByRole("group", { name: "快捷选择" }).getByRole("button", { name: "2023年全年" }).click();
  await page.waitForURL(/from=2023-01-01&to=2023-12-31/);
  const { start, end } = hallDayBounds("2023-01-01", "2023-12-31");
  const completed = await sql<{ n: number }>`
    select count(*) as n from \`case\` where hall_id = ${demo.hallId} and completed_at >= ${start} and completed_at < ${end}`.execute(
    platform.db,
  );
  const expected = (completed.rows[0]?.n ?? 0).toLocaleString("en-US");
  await expect.poll(() => page.getByTestId("metric-cases").textContent()).toContain(expected);
  expect(await page.locator('[data-testid="window-row"]').count()).toBe(demo.windows);
  await context.close();
});

test("the overview shows the recent days' activity on first start: the period from the first of last month to today", async () => {
  const demo = await seededHall();
  expect(demo.recentCases).toBeGreaterThan(0);
  const manager = demo.accounts.find((account) => account.role === "hall_manager");
  if (!manager) throw new Error("the demo hall has no hall manager account");
  const today = hallDate(new Date());
  const month = Number(today.slice(5, 7));
  const from =
    month === 1
      ? `${Number(today.slice(0, 4)) - 1}-12-01`
      : `${today.slice(0, 5)}${String(month - 1).padStart(2, "0")}-01`;

  const context = await platform.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signInToConsole(page, platform.baseUrl, manager.username, manager.password);
  await page.goto(`${platform.baseUrl}/console/overview?from=${from}&to=${today}`);
  const { start, end } = hallDayBounds(from, today);
  const completed = await sql<{ n: number }>`
    select count(*) as n from \`case\` where hall_id = ${demo.hallId} and completed_at >= ${start} and completed_at < ${end}`.execute(
    platform.db,
  );
  const count = Number(completed.rows[0]?.n ?? 0);
  expect(count).toBeGreaterThan(0);
  await expect.poll(() => page.getByTestId("metric-cases").textContent()).toContain(count.toLocaleString("en-US"));
  await context.close();
});

test("the console tells last month's default ratings from the citizens' own: 评价量 leaves them out, 有效评价, 评价覆盖 and the monthly report count them", async () => {
  const demo = await seededHall();
  expect(demo.defaultRatings).toBeGreaterThan(0);
  const manager = demo.accounts.find((account) => account.role === "hall_manager");
  if (!manager) throw new Error("the demo hall has no hall manager account");
  const from = recentPeriodStart(new Date());
  const month = from.slice(0, 7);
  const to = addCalendarDays(`${hallDate(new Date()).slice(0, 7)}-01`, -1);
  const { start, end } = hallDayBounds(from, to);
  // Ratings count on the day they were given, cases on the day they were completed.
  const ratings = await sql<{ active: number; defaults: number }>`
    select sum(not r.is_default) as active, sum(r.is_default) as defaults from rating r
    left join rating_exclusion x on x.rating_id = r.id
    where r.hall_id = ${demo.hallId} and r.seq = 1 and x.id is null and r.rated_at >= ${start} and r.rated_at < ${end}`.execute(
    platform.db,
  );
  const active = Number(ratings.rows[0]?.active ?? 0);
  const defaults = Number(ratings.rows[0]?.defaults ?? 0);
  expect(defaults).toBeGreaterThan(0);
  const casesByDefault = await sql<{ n: number }>`
    select count(*) as n from \`case\` c join rating r on r.case_id = c.id and r.seq = 1 and r.is_default
    left join rating_exclusion x on x.rating_id = r.id
    where c.hall_id = ${demo.hallId} and x.id is null and c.completed_at >= ${start} and c.completed_at < ${end}`.execute(
    platform.db,
  );
  const byDefault = Number(casesByDefault.rows[0]?.n ?? 0);
  expect(byDefault).toBeGreaterThan(0);
  const count = (n: number) => n.toLocaleString("en-US");

  const context = await platform.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signInToConsole(page, platform.baseUrl, manager.username, manager.password);
  await page.goto(`${platform.baseUrl}/console/overview?from=${from}&to=${to}`);
  const ratingsCard = page.getByTestId("metric-ratings");
  await expect.poll(() => ratingsCard.locator(".metric-value").textContent()).toBe(count(active));
  expect(await ratingsCard.locator(".metric-note").textContent()).toBe(
    `有效评价 ${count(active + defaults)} 条（含默认评价）`,
  );

  await page.goto(`${platform.baseUrl}/console/analysis?from=${from}&to=${to}&view=coverage`);
  const total = page.getByTestId("coverage-breakdown-total");
  await total.waitFor();
  const headers = await page.getByTestId("coverage-breakdown").locator("thead th").allTextContents();
  const column = headers.findIndex((header) => header.startsWith("默认评价"));
  expect(column).toBeGreaterThan(0);
  expect(await total.locator("th, td").nth(column).textContent()).toBe(count(byDefault));

  await page.goto(`${platform.baseUrl}/console/reports?month=${month}`);
  const row = page.getByTestId("report-coverage-row").filter({ hasText: "默认评价办件" });
  await expect.poll(() => row.locator("td").last().textContent(), { timeout: 60_000 }).toBe(count(byDefault));
  await context.close();
});
