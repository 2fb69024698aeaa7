import sharp from "sharp";
import { expect, test } from "vitest";

import { FIXTURE_PASSWORD } from "@hcp/db/testing";

import { signInToConsole } from "./console";
import { usePlatform } from "./platform";

const platform = usePlatform();

test("窗口管理 and 工作人员: a manager adds, edits and retires a window, adds and edits a staff member, uploads a photo and marks them 离职", async () => {
  const context = await platform.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signInToConsole(page, platform.baseUrl, platform.hall.users.hall_manager.username);

  // 窗口管理: an empty form is refused, 取消 closes it, then a window is added, renamed and retired.
  await page.getByRole("link", { name: "窗口管理" }).click();
  await page.getByRole("heading", { name: "窗口管理", level: 1 }).waitFor();
  await page.getByRole("button", { name: "新增窗口" }).click();
  await page.getByRole("button", { name: "保存" }).click();
  await page.getByText("请输入窗口编号").waitFor();
  await page.getByRole("button", { name: "取消" }).click();
  expect(await page.getByRole("form", { name: "新增窗口" }).count()).toBe(0);
  await page.getByRole("button", { name: "新增窗口" }).click();
  await page.getByLabel("窗口编号").fill("C09");
  await page.getByLabel("窗口名称").fill("临时综合受理窗口");
  await page.getByLabel("县自然资源局").check();
  await page.getByLabel("接收的事项（事项编码，每行一个）").fill("TEST-0002");
  await page.getByLabel("排列顺序").fill("90");
  await page.getByRole("button", { name: "保存" }).click();
  const windowRow = page.getByTestId("window-row").filter({ hasText: "C09" });
  await windowRow.getByText("临时综合受理窗口").waitFor();
  await windowRow.getByRole("button", { name: "修改" }).click();
  await page.getByLabel("窗口名称").fill("企业开办综合受理窗口");
  await page.getByRole("button", { name: "保存" }).click();
  await windowRow.getByText("企业开办综合受理窗口").waitFor();
  await windowRow.getByRole("button", { name: "撤销" }).click();
  const dialog = page.getByRole("alertdialog");
  await dialog.getByRole("button", { name: "取消" }).click();
  await windowRow.getByRole("button", { name: "撤销" }).click();
  await dialog.getByRole("button", { name: "确认撤销" }).click();
  await windowRow.getByText("已撤销").waitFor();
  // A window whose evaluator is paired is not retired: the refusal says why.
  await page.getByTestId("window-row").filter({ hasText: "A02" }).getByRole("button", { name: "撤销" }).click();
  await dialog.getByRole("button", { name: "确认撤销" }).click();
  await page.getByText("该窗口的评价器仍在配对中").waitFor();

  // 工作人员: refused empty, then added with a home window, edited, given a photo, marked 离职.
  await page.getByRole("link", { name: "工作人员" }).click();
  await page.getByRole("heading", { name: "工作人员", level: 1 }).waitFor();
  await page.getByRole("button", { name: "新增人员" }).click();
  await page.getByRole("button", { name: "保存" }).click();
  await page.getByText("请输入工号").waitFor();
  await page.getByRole("button", { name: "取消" }).click();
  await page.getByRole("button", { name: "新增人员" }).click();
  await page.getByLabel("工号").fill("T101");
  await page.getByLabel("姓名").fill("赵敏");
  await page.getByLabel("所属部门").selectOption({ label: "县自然资源局" });
  await page.getByLabel("常驻窗口").selectOption({ label: "A02 综合受理2号窗口" });
  await page.getByLabel("联系电话").fill("13912345678");
  await page.getByLabel("上岗证编号").fill("SZ-1");
  await page.getByLabel("上岗证有效期至").fill("2020-01-31");
  await page.getByRole("button", { name: "保存" }).click();
  const staffRow = page.getByTestId("staff-row").filter({ hasText: "T101" });
  await staffRow.getByText("139****5678").waitFor();
  await staffRow.getByText("已过期").waitFor();
  await page.getByTestId("certificate-warning").waitFor();
  await staffRow.getByRole("button", { name: "修改" }).click();
  await page.getByLabel("上岗证有效期至").fill("2099-12-31");
  await page.getByRole("button", { name: "保存" }).click();
  await staffRow.getByText("有效").waitFor();

  const photo = await sharp({ create: { width: 600, height: 800, channels: 3, background: "#3366aa" } })
    .png()
    .toBuffer();
  await staffRow
    .getByLabel(/上传赵敏的亮牌照片/)
    .setInputFiles({ name: "zhao.png", mimeType: "image/png", buffer: photo });
  await expect
    .poll(async () => staffRow.getByRole("img", { name: "赵敏的照片" }).getAttribute("src"))
    .toMatch(/^\/photos\/\d+-[0-9a-f]{16}\.jpg$/);

  await staffRow.getByRole("button", { name: "离职" }).click();
  await dialog.getByRole("button", { name: "取消" }).click();
  await staffRow.getByRole("button", { name: "离职" }).click();
  await dialog.getByRole("button", { name: "确认离职" }).click();
  await staffRow.getByText(/离职$/).waitFor();
  await context.close();
});

test("the desk asks a manager's approval for a window not among the staff member's own", async () => {
  const manager = await platform.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const managerPage = await manager.newPage();
  await signInToConsole(managerPage, platform.baseUrl, platform.hall.users.hall_manager.username);
  await managerPage.getByRole("link", { name: "窗口管理" }).click();
  await managerPage.getByRole("button", { name: "新增窗口" }).click();
  await managerPage.getByLabel("窗口编号").fill("C10");
  await managerPage.getByLabel("窗口名称").fill("临时受理窗口");
  await managerPage.getByRole("button", { name: "保存" }).click();
  await managerPage.getByTestId("window-row").filter({ hasText: "C10" }).waitFor();
  await manager.close();

  const context = await platform.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signInToConsole(page, platform.baseUrl, platform.hall.users.window_staff.username);
  const row = page.locator('[data-testid="desk-window-row"][data-window-code="C10"]');
  await row.getByRole("button", { name: "在此窗口上岗" }).click();
  const form = page.getByRole("form", { name: "在 C10 临时受理窗口 上岗需管理员授权" });
  await form.waitFor();
  await form.getByRole("button", { name: "取消" }).click();
  expect(await form.count()).toBe(0);
  await row.getByRole("button", { name: "在此窗口上岗" }).click();
  await form.getByLabel("管理员用户名").fill(platform.hall.users.department_head.username);
  await form.getByLabel("管理员密码").fill(FIXTURE_PASSWORD);
  await form.getByRole("button", { name: "授权上岗" }).click();
  await form.getByText("授权人须是本大厅在职的大厅管理员或系统管理员").waitFor();
  await form.getByLabel("管理员用户名").fill(platform.hall.users.hall_manager.username);
  await form.getByRole("button", { name: "授权上岗" }).click();
  await row.getByText("您在此窗口").waitFor();
  expect(await form.count()).toBe(0);
  await context.close();
});
