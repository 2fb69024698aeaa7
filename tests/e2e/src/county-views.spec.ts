import { expect, test } from "vitest";

import { createTownshipsFixture, insertFixtureCase, type TCaseHall } from "@hcp/db/testing";
import type { TLevel } from "@hcp/domain";

import { signInToConsole } from "./console";
import { usePlatform } from "./platform";

const platform = usePlatform();

const MARCH = "from=2023-03-01&to=2023-03-31";
let sequence = 0;

/** `good` good and `bad` bad ratings at a hall's first window on a day of March 2023. */
async function rated(hall: TCaseHall, day: string, good: number, bad: number): Promise<void> {
  const levels: TLevel[] = [...Array<TLevel>(good).fill(5), ...Array<TLevel>(bad).fill(1)];
  for (const level of levels) {
    sequence += 1;
    const at = new Date(`${day}T02:00:00Z`);
    await insertFixtureCase(
      platform.db,
      hall,
      { caseNo: `E${String(sequence).padStart(7, "0")}`, completedAt: at, window: 0 },
      {
        level,
        idempotencyKey: `00000000-0000-4000-9000-${String(sequence).padStart(12, "0")}`,
        ratedAt: at,
        reasons: level <= 2 ? ["214"] : [],
      },
    );
  }
}

test("county leadership opens 全县概况, ranks the halls and drills into a township's window", async () => {
  // The platform's fixture hall is the county centre.
  const centre = platform.hall;
  const county = await createTownshipsFixture(platform.db, centre, ["城关镇", "东山乡"]);
  const [town, hill] = county.townships;
  if (!town || !hill) throw new Error("the county fixture has no townships");
  await rated(centre, "2023-03-06", 40, 0);
  await rated(town, "2023-03-07", 36, 4);
  await rated(hill, "2023-03-08", 5, 0);

  const context = await platform.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signInToConsole(page, platform.baseUrl, county.users.auditor.username);

  // A county user lands on 全县概况: every hall of the county and the county's total.
  await page.waitForURL(/\/console\/county/);
  await page.getByTestId("county-overview").waitFor();
  expect(await page.getByTestId("county-overview").getByTestId("county-hall-row").count()).toBe(6);
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("测试县");

  // 大厅排名 of March, with its population stated; the thin sample is listed, not ranked.
  await page.goto(`${platform.baseUrl}/console/county?${MARCH}`);
  const hallRows = page.getByTestId("county-hall-ranking-row");
  await expect.poll(() => hallRows.count()).toBe(3);
  expect(await hallRows.first().locator("th").textContent()).toBe("测试县政务服务中心");
  expect(await hallRows.nth(1).locator("th").textContent()).toBe("城关镇");
  expect(await hallRows.nth(2).textContent()).toContain("样本不足");
  expect(await page.getByTestId("county-hall-ranking").getByTestId("county-population").textContent()).toContain(
    "排名范围：测试县，共 3 个，其中 2 个达到最低样本量",
  );

  // The window ranking across the county, then into 城关镇's first window: the session switches to
  // that hall and its own window screen opens for March.
  const townWindow = page.getByTestId("county-window-ranking-row").filter({ hasText: "城关镇综合窗口1" });
  await townWindow.getByRole("button", { name: "查看窗口" }).click();
  await page.waitForURL(new RegExp(`/console/performance/windows/${town.windowIds[0]}\\?${MARCH}`));
  await expect.poll(() => page.locator("#hall-switcher-hall").inputValue()).toBe(String(town.hallId));
  await expect.poll(() => page.getByRole("main").textContent()).toContain("城关镇综合窗口1");
  await context.close();
});
