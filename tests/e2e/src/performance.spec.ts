import { expect, test } from "vitest";

import { seedDemoHall } from "@hcp/api/demo";
import { hallDayBounds } from "@hcp/domain";

import { signInToConsole } from "./console";
import { usePlatform } from "./platform";

const platform = usePlatform();

const MAY = "from=2023-05-01&to=2023-05-31";

// One demo hall for the file (the platform's database is emptied once per file), seeded by the first test that needs it.
let demoHall: ReturnType<typeof seedDemoHall> | null = null;
function demoHallOnce(): ReturnType<typeof seedDemoHall> {
  // A twentieth of the year keeps the seed quick; May still has ratings at most windows, and a
  // minimum sample of 5 (not 30) ranks enough of them for 红黑榜 at that scale.
  demoHall ??= seedDemoHall(platform.db, { scale: 0.05 }).then(async (demo) => {
    await platform.db.updateTable("hall").set({ ranking_min_sample: 5 }).where("id", "=", demo.hallId).execute();
    return demo;
  });
  return demoHall;
}

test("the hall manager ranks May 2023's windows and drills down window → staff → item to a rating and its case", async () => {
  const demo = await demoHallOnce();
  const manager = demo.accounts.find((account) => account.role === "hall_manager");
  if (!manager) throw new Error("the demo hall has no hall manager account");

  // The newest rating of one window, staff member and item in May: the first row at the last step.
  const { start, end } = hallDayBounds("2023-05-01", "2023-05-31");
  const some = await platform.db
    .selectFrom("rating")
    .select(["window_id", "staff_id", "service_item_id"])
    .where("hall_id", "=", demo.hallId)
    .where("rated_at", ">=", start)
    .where("rated_at", "<", end)
    .where("window_id", "is not", null)
    .where("staff_id", "is not", null)
    .orderBy("id")
    .executeTakeFirstOrThrow();
  const target = await platform.db
    .selectFrom("rating as r")
    .innerJoin("case as c", "c.id", "r.case_id")
    .innerJoin("window as w", "w.id", "r.window_id")
    .innerJoin("staff as s", "s.id", "r.staff_id")
    .innerJoin("service_item as i", "i.id", "r.service_item_id")
    .select(["c.case_no as caseNo", "w.code as windowCode", "s.name as staffName", "i.name as itemName"])
    .where("r.window_id", "=", some.window_id)
    .where("r.staff_id", "=", some.staff_id)
    .where("r.service_item_id", "=", some.service_item_id)
    .where("r.rated_at", ">=", start)
    .where("r.rated_at", "<", end)
    .orderBy("r.rated_at", "desc")
    .orderBy("r.id", "desc")
    .executeTakeFirstOrThrow();

  const context = await platform.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signInToConsole(page, platform.baseUrl, manager.username, manager.password);

  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "窗口绩效" }).click();
  await page.waitForURL(/\/console\/performance/);
  await page.getByRole("radio", { name: "月" }).check();
  await page.getByLabel("月份").fill("2023-05");
  await page.getByRole("button", { name: "查询" }).click();
  await page.waitForURL(new RegExp(MAY));
  await expect.poll(() => page.getByTestId("performance-period").textContent()).toContain("2023-05-01 至 2023-05-31");
  expect(await page.getByTestId("ranking-row").count()).toBe(demo.windows);
  await page.getByTestId("red-list").waitFor();
  await page.getByTestId("black-list").waitFor();

  // The ranking states its population, every ranked row opens into its score's parts, and each
  // 黑榜 entry says what pulls it down.
  expect(await page.getByTestId("ranking-population").textContent()).toContain("排名范围：全厅");
  const firstRanked = page.getByTestId("ranking-row").first();
  await firstRanked.getByText("得分构成").click();
  const parts = firstRanked.getByTestId("score-part");
  expect(await parts.count()).toBe(4);
  const points = (await parts.locator("td:last-child").allTextContents()).reduce((sum, text) => sum + Number(text), 0);
  const score = Number(await firstRanked.locator(".score-value").textContent());
  expect(Math.abs(points - score)).toBeLessThan(0.1);
  const reasons = await page.getByTestId("black-list").getByTestId("pulled-down-by").allTextContents();
  expect(reasons.length).toBeGreaterThan(0);
  for (const reason of reasons) expect(reason).toMatch(/^主要失分：/);

  // 在岗人员 of May: the people who completed cases at the window in May (sign-ins aside).
  const servedInMay = await platform.db
    .selectFrom("case as c")
    .innerJoin("staff as s", "s.id", "c.staff_id")
    .innerJoin("window as w", "w.id", "c.window_id")
    .select("s.name")
    .distinct()
    .where("w.code", "=", target.windowCode)
    .where("c.completed_at", ">=", start)
    .where("c.completed_at", "<", end)
    .execute();
  const listed = await page
    .locator(`[data-testid="ranking-row"][data-window-code="${target.windowCode}"]`)
    .getByTestId("served-staff")
    .getByRole("listitem")
    .allTextContents();
  for (const { name } of servedInMay) expect(listed.some((item) => item.startsWith(`${name} `))).toBe(true);

  // Sorting by 办件量 puts the busiest window first.
  await page.getByRole("button", { name: /^办件量/ }).click();
  expect(await page.getByRole("columnheader", { name: /^办件量/ }).getAttribute("aria-sort")).toBe("descending");

  const windowRow = page.locator(`[data-testid="ranking-row"][data-window-code="${target.windowCode}"]`);
  await windowRow.getByTestId("window-link").click();
  await page.waitForURL(new RegExp(`/performance/windows/\\d+\\?${MAY}`));
  await page.getByTestId("staff-link").filter({ hasText: target.staffName }).first().click();
  await page.waitForURL(new RegExp(`/staff/\\d+\\?${MAY}`));
  await page.getByTestId("item-link").filter({ hasText: target.itemName }).first().click();
  await page.waitForURL(new RegExp(`/items/\\d+\\?${MAY}`));

  const firstCase = page.getByTestId("rating-row").first().getByTestId("rating-case-no");
  await expect.poll(() => firstCase.textContent()).toBe(target.caseNo);
  const trail = page.getByRole("navigation", { name: "位置" });
  expect(await trail.textContent()).toContain(target.staffName);

  // Each breadcrumb goes back up with the same period.
  await trail.getByRole("link", { name: "全部窗口" }).click();
  await page.waitForURL(new RegExp(`/performance\\?${MAY}`));
  await context.close();
});

test("a department head's 红黑榜 and 末位 are over their department's cases, said on screen, and never name one window twice", async () => {
  const demo = await demoHallOnce();
  const head = demo.accounts.find((account) => account.username === "head_scjg");
  if (!head) throw new Error("the demo hall has no 市场监管 department head");

  const context = await platform.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signInToConsole(page, platform.baseUrl, head.username, head.password);
  await page.goto(`${platform.baseUrl}/console/performance?${MAY}`);
  await expect
    .poll(() => page.getByTestId("ranking-population").textContent())
    .toContain("排名范围：县市场监督管理局在各窗口办理的办件");
  const rows = page.getByTestId("ranking-row");
  const count = await rows.count();
  expect(count).toBeGreaterThan(0);
  // The department's own cases rank at least one window (its rows carry a score breakdown).
  expect(await page.getByText("得分构成").count()).toBeGreaterThan(0);
  for (let index = 0; index < count; index += 1) {
    const row = rows.nth(index);
    const red = await row.getByTestId("red-mark").count();
    const black = await row.getByTestId("black-mark").count();
    const last = await row.getByTestId("last-place-flag").count();
    expect(red > 0 && (black > 0 || last > 0)).toBe(false);
  }
  await context.close();
});
