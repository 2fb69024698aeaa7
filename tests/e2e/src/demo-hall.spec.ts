import { sql } from "kysely";
import { expect, test } from "vitest";

import { seedDemoHall } from "@hcp/db/seed";
import { hallDate, hallDayBounds } from "@hcp/domain";

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
    select count(*) as n from \`case\` where hall_id = ${demo.hallId} and completed_at >= ${start} and completed_at < ${end}`.execute(platform.db);
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
  const from = month === 1 ? `${Number(today.slice(0, 4)) - 1}-12-01` : `${today.slice(0, 5)}${String(month - 1).padStart(2, "0")}-01`;

  const context = await platform.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signInToConsole(page, platform.baseUrl, manager.username, manager.password);
  await page.goto(`${platform.baseUrl}/console/overview?from=${from}&to=${today}`);
  const { start, end } = hallDayBounds(from, today);
  const completed = await sql<{ n: number }>`
    select count(*) as n from \`case\` where hall_id = ${demo.hallId} and completed_at >= ${start} and completed_at < ${end}`.execute(platform.db);
  const count = Number(completed.rows[0]?.n ?? 0);
  expect(count).toBeGreaterThan(0);
  await expect.poll(() => page.getByTestId("metric-cases").textContent()).toContain(count.toLocaleString("en-US"));
  await context.close();
});
