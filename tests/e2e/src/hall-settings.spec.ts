import { expect, test } from "vitest";

import { hallTimeOfDay } from "@hcp/domain";

import { signInToConsole } from "./console";
import { useKioskPlatform } from "./kiosk-platform";

const kiosk = useKioskPlatform();
const { platform } = kiosk;

/** A working day's one period that does not hold the present hall time: the hall is closed now. */
function closedNowPeriod(): { from: string; to: string } {
  return hallTimeOfDay(new Date()) < "12:00" ? { from: "13:00", to: "14:00" } : { from: "01:00", to: "02:00" };
}

test("an administrator keeps the departments: a wrong credit code is refused, a department is created, edited, retired and restored; one in use is not retired", async () => {
  const context = await platform.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signInToConsole(page, platform.baseUrl, platform.hall.users.admin.username);
  await page.getByRole("link", { name: "部门管理" }).click();
  await page.getByRole("heading", { name: "部门列表" }).waitFor();

  const create = page.getByRole("region", { name: "新建部门" });
  await create.getByLabel("部门名称").fill("县医疗保障局");
  await create.getByLabel("统一社会信用代码").fill("91350100M000100Y44");
  await create.getByRole("button", { name: "新建部门" }).click();
  await create.getByText("统一社会信用代码校验位不正确：按 GB 32100 计算，第 18 位应为 3").waitFor();
  await create.getByLabel("统一社会信用代码").fill("91350100m000100y43");
  await create.getByLabel("简称（选填）").fill("医保局");
  await create.getByRole("button", { name: "新建部门" }).click();
  const row = page.getByRole("row", { name: /县医疗保障局/ });
  await row.getByText("91350100M000100Y43").waitFor();

  await row.getByRole("button", { name: "编辑" }).click();
  const edit = page.getByRole("region", { name: "编辑部门：县医疗保障局" });
  await edit.getByLabel("联系人（选填）").fill("赵敏");
  await edit.getByRole("button", { name: "取消编辑" }).click();
  await edit.waitFor({ state: "detached" });
  await row.getByRole("button", { name: "编辑" }).click();
  await edit.getByLabel("联系人（选填）").fill("赵敏");
  await edit.getByRole("button", { name: "保存修改" }).click();
  await row.getByText("赵敏").waitFor();

  await row.getByRole("button", { name: "撤销" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "取消" }).click();
  await row.getByText("在用").waitFor();
  await row.getByRole("button", { name: "撤销" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "确认撤销" }).click();
  await row.getByText(/已撤销/).waitFor();
  await row.getByRole("button", { name: "恢复" }).click();
  await row.getByText("在用").waitFor();

  const inUse = page.getByRole("row", { name: /县市场监督管理局/ });
  await inUse.getByRole("button", { name: "撤销" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "确认撤销" }).click();
  await page
    .getByText("该部门仍在使用中（在用事项 1、在岗工作人员 2、在用窗口 1、启用的账号 1），请先处理后再撤销。")
    .waitFor();
  expect(await inUse.getByText("在用").count()).toBe(1);
  await context.close();
});

test("an administrator sets the hall's hours and logo; outside the hours an unstaffed evaluator says 非办公时间, and 暂停服务 again once they include now", async () => {
  const { page: tablet } = await kiosk.openKiosk(`/kiosk?token=${platform.hall.deviceTokens[1]}`);
  // The fixture hall is open around the clock.
  await tablet.getByText("暂停服务").waitFor();

  const context = await platform.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // The console on the evaluator's own server: its live feed is that process's.
  await signInToConsole(page, kiosk.baseUrl(), platform.hall.users.admin.username);
  await page.getByRole("link", { name: "大厅设置" }).click();
  const form = page.getByRole("region", { name: "基本信息与办公时间" });
  await form.getByLabel("行政区划代码").fill("3301");
  await form.getByRole("button", { name: "保存设置" }).click();
  await form.getByText("行政区划代码应为 6 位数字").waitFor();
  await form.getByLabel("行政区划代码").fill("330122");
  await form.getByLabel("地址（选填）").fill("某县人民路 1 号");

  // Working days: one period that does not hold now (a new one in place of the fixture's); 非工作日 closed.
  const period = closedNowPeriod();
  const working = form.getByRole("group", { name: "工作日办公时段", exact: true });
  await working.getByRole("button", { name: "添加时段" }).click();
  await working.getByRole("button", { name: "删除工作日办公时段第 1 段" }).click();
  await form.getByRole("group", { name: "工作日办公时段第 1 段" }).getByLabel("开始").fill(period.from);
  await form.getByRole("group", { name: "工作日办公时段第 1 段" }).getByLabel("结束").fill(period.to);
  await form.getByLabel("休息（本厅服务日除外）").check();
  await form.getByRole("button", { name: "保存设置" }).click();
  await form.getByText("已保存").waitFor();
  await form.getByText(`评价器显示的办公时间：工作日 ${period.from}–${period.to}；非工作日休息`).waitFor();

  // The connected evaluator hears the new hours at once.
  await tablet.getByText("非办公时间").waitFor();
  await tablet.getByText(`本大厅办公时间：工作日 ${period.from}–${period.to}；非工作日休息`).waitFor();

  // Open around the clock again: the evaluator says 暂停服务.
  await form.getByRole("group", { name: "工作日办公时段第 1 段" }).getByLabel("开始").fill("00:00");
  await form.getByRole("group", { name: "工作日办公时段第 1 段" }).getByLabel("结束").fill("23:59");
  await form.getByLabel("开放，按以下时段").check();
  // The fixture's 非工作日 period was kept while closed: it comes back to be edited.
  await form.getByRole("group", { name: "非工作日开放时段第 1 段" }).getByLabel("开始").fill("00:00");
  await form.getByRole("group", { name: "非工作日开放时段第 1 段" }).getByLabel("结束").fill("23:59");
  await form.getByRole("button", { name: "保存设置" }).click();
  await form.getByText("评价器显示的办公时间：工作日 00:00–23:59；非工作日 00:00–23:59").waitFor();
  if (hallTimeOfDay(new Date()) < "23:59") await tablet.getByText("暂停服务").waitFor();

  // The logo: a PNG (drawn by the browser itself) is uploaded, shown, and removed.
  const logoPanel = page.getByRole("region", { name: "大厅标志" });
  await logoPanel.getByText("尚未上传标志。").waitFor();
  const png = await page.screenshot({ clip: { x: 0, y: 0, width: 96, height: 64 } });
  await logoPanel.getByLabel("选择标志图片").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: png });
  await logoPanel.getByRole("button", { name: "上传标志" }).click();
  await logoPanel.getByRole("img", { name: "大厅标志" }).waitFor();
  await logoPanel.getByRole("button", { name: "删除标志" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "确认删除" }).click();
  await logoPanel.getByText("尚未上传标志。").waitFor();
  await context.close();
});
