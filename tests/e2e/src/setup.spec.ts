import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";

import { hashDeviceToken } from "@hcp/db/testing";

import { signInToConsole } from "./console";
import { usePlatform } from "./platform";

const platform = usePlatform();

/** The steps of 开始设置 in order: each link's name, the screen it opens and that screen's heading. */
const STEP_LINKS = [
  ["前往大厅设置", "/hall", "大厅设置"],
  ["前往部门管理", "/departments", "部门管理"],
  ["前往事项目录导入", "/catalogue-import", "事项目录导入"],
  ["前往窗口管理", "/windows", "窗口管理"],
  ["前往工作人员", "/staff", "工作人员"],
  ["前往账号管理", "/accounts", "账号管理"],
  ["前往评价器管理", "/devices", "评价器管理"],
] as const;

function nav(page: Page) {
  return page.getByRole("navigation", { name: "主导航" });
}

/** The second window's evaluator loses (or gets back) its device token: the hall lacks (or has) it. */
async function secondEvaluatorPaired(paired: boolean): Promise<void> {
  const { db, hall } = platform;
  await db
    .updateTable("evaluator_device")
    .set(
      paired
        ? { token_hash: hashDeviceToken(hall.deviceTokens[1]), paired_at: new Date() }
        : { token_hash: null, paired_at: null },
    )
    .where("window_id", "=", hall.windowIds[1])
    .execute();
}

describe("开始设置", () => {
  test("an administrator of a hall that cannot take ratings yet lands on it, follows every step's link, and it leaves the navigation once nothing is missing", async () => {
    await secondEvaluatorPaired(false);
    const context = await platform.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInToConsole(page, platform.baseUrl, platform.hall.users.admin.username);
    await page.waitForURL(/\/console\/setup$/);
    await page.getByRole("heading", { name: "开始设置", level: 1 }).waitFor();
    await page.getByText("还有 1 项未完成，完成前大厅还不能接受评价。").waitFor();
    const evaluators = page.getByRole("listitem", { name: "7. 评价器" });
    await evaluators.getByText("尚缺的窗口：A02 综合受理2号窗口").waitFor();
    expect(await nav(page).getByRole("link").first().textContent()).toBe("开始设置");

    for (const [name, path, heading] of STEP_LINKS) {
      await page.getByRole("link", { name }).click();
      await page.waitForURL(new RegExp(`/console${path}$`));
      await page.getByRole("heading", { name: heading, level: 1, exact: true }).waitFor();
      await nav(page).getByRole("link", { name: "开始设置" }).click();
      await page.getByRole("heading", { name: "开始设置", level: 1 }).waitFor();
    }

    // The tablet is paired again: the page says the hall is ready, and after the next page change the entry is gone.
    await secondEvaluatorPaired(true);
    await page.reload();
    await page.getByText("设置已全部完成，大厅可以接受评价。").waitFor();
    await page.getByRole("link", { name: "前往评价器管理" }).click();
    await page.waitForURL(/\/console\/devices$/);
    await nav(page).getByRole("link", { name: "开始设置" }).waitFor({ state: "detached" });
    await context.close();
  });

  test("a hall manager sees the entry while something is missing but lands on their home; steps only administrators do have no link", async () => {
    await secondEvaluatorPaired(false);
    const context = await platform.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInToConsole(page, platform.baseUrl, platform.hall.users.hall_manager.username);
    await page.waitForURL(/\/console\/overview/);
    await nav(page).getByRole("link", { name: "开始设置" }).click();
    await page.getByText("还有 1 项未完成，完成前大厅还不能接受评价。").waitFor();
    await page.getByRole("listitem", { name: "3. 事项目录" }).getByText("此步骤由系统管理员完成").waitFor();
    await page.getByRole("link", { name: "前往评价器管理" }).click();
    await page.waitForURL(/\/console\/devices$/);
    await secondEvaluatorPaired(true);
    await context.close();
  });

  test("an administrator of a hall that lacks nothing lands on their home, with no 开始设置 in the navigation", async () => {
    const context = await platform.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInToConsole(page, platform.baseUrl, platform.hall.users.admin.username);
    await page.waitForURL(/\/console\/overview/);
    await nav(page).getByRole("link", { name: "大厅概况" }).waitFor();
    expect(await nav(page).getByRole("link", { name: "开始设置" }).count()).toBe(0);
    await context.close();
  });
});
