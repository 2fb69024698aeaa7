import { expect, test } from "vitest";

import { signInToConsole } from "./console";
import { useCountyPlatform } from "./platform";

const platform = useCountyPlatform();

test("a county administrator switches to a township, reads its settings, and adds a township centre (a bad area code refused first)", async () => {
  const context = await platform.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signInToConsole(page, platform.baseUrl, platform.county.countyUsers.admin.username);

  // 切换大厅: the header's choice, then every screen serves the township.
  const switcher = page.locator("form.hall-switcher");
  await switcher.getByLabel("所在大厅").selectOption({ label: "测试镇便民服务中心" });
  await switcher.getByRole("button", { name: "切换" }).click();
  await page.getByRole("link", { name: "大厅设置" }).click();
  await expect.poll(() => page.getByLabel("大厅名称").inputValue()).toBe("测试镇便民服务中心");
  // The choice belongs to the session: a reload keeps it.
  await page.reload();
  await expect.poll(() => page.getByLabel("大厅名称").inputValue()).toBe("测试镇便民服务中心");
  expect(await switcher.getByLabel("所在大厅").inputValue()).toBe(String(platform.county.township.hallId));

  await page.getByRole("link", { name: "全县大厅" }).click();
  const create = page.getByRole("region", { name: "新增大厅" });
  await create.getByLabel("大厅名称").fill("测试二镇便民服务中心");
  await create.getByLabel("行政区划代码").fill("330103102000");
  await create.getByRole("button", { name: "新增大厅" }).click();
  await create.getByText("该行政区划代码不在本县（区）或所属乡镇的范围内").waitFor();
  await create.getByLabel("行政区划代码").fill("330102102000");
  await create.getByLabel("排序").fill("2");
  await create.getByRole("button", { name: "新增大厅" }).click();
  await create.getByText("已新增 测试二镇便民服务中心").waitFor();
  const row = page.getByRole("row", { name: /测试二镇便民服务中心/ });
  await row.getByText("330102102000").waitFor();
  await row.getByText("乡镇（街道）便民服务中心").waitFor();
  // The new hall is one the switcher offers.
  await expect
    .poll(() => switcher.getByLabel("所在大厅").locator("option").allTextContents())
    .toContain("测试二镇便民服务中心");
  await context.close();
});

test("a township's administrator has no switcher and no 全县大厅", async () => {
  const context = await platform.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signInToConsole(page, platform.baseUrl, platform.county.township.users.admin.username);
  await page.getByRole("link", { name: "大厅设置" }).waitFor();
  expect(await page.locator("form.hall-switcher").count()).toBe(0);
  expect(await page.getByRole("link", { name: "全县大厅" }).count()).toBe(0);
  await page.goto(`${platform.baseUrl}/console/county-halls`);
  await page.waitForURL(/\/console\/overview/);
  await context.close();
});
