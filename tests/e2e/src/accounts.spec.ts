import { expect, test } from "vitest";

import { signInToConsole } from "./console";
import { usePlatform } from "./platform";

const platform = usePlatform();

test("账号管理: an administrator creates an account, edits, resets, disables and enables it; its owner must change the one-time password first", async () => {
  const context = await platform.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signInToConsole(page, platform.baseUrl, platform.hall.users.admin.username);
  await page.getByRole("link", { name: "账号管理" }).click();
  await page.getByRole("heading", { name: "账号管理" }).waitFor();

  // 新建账号: the form refuses an empty account, 取消 closes it, then a 督查 account is saved.
  await page.getByRole("button", { name: "新建账号" }).click();
  await page.getByRole("button", { name: "保存" }).click();
  await page.getByText("请输入姓名").waitFor();
  await page.getByRole("button", { name: "取消" }).click();
  expect(await page.getByRole("form", { name: "新建账号" }).count()).toBe(0);
  await page.getByRole("button", { name: "新建账号" }).click();
  await page.getByLabel("用户名").fill("zhou.duc");
  await page.getByLabel("姓名").fill("周督查");
  await page.getByLabel("角色").selectOption({ label: "领导 / 督查" });
  await page.getByRole("button", { name: "保存" }).click();
  const reveal = async () => {
    const password = await page.getByTestId("one-time-password").textContent();
    await page.getByRole("button", { name: "已交给本人，关闭" }).click();
    expect(await page.getByTestId("one-time-password").count()).toBe(0);
    return password ?? "";
  };
  const created = await reveal();
  expect(created).toMatch(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);
  const row = page.getByTestId("account-row").filter({ hasText: "zhou.duc" });
  await row.getByText("待修改初始密码").waitFor();
  await row.getByText("从未登录").waitFor();

  // 修改: the name changes, the username stays.
  await row.getByRole("button", { name: "修改" }).click();
  expect(await page.getByLabel("用户名").getAttribute("readonly")).not.toBeNull();
  await page.getByLabel("姓名").fill("周主任");
  await page.getByRole("button", { name: "保存" }).click();
  await row.getByText("周主任").waitFor();

  // 重置密码 asks first; confirmed, a new one-time password is shown once.
  await row.getByRole("button", { name: "重置密码" }).click();
  const dialog = page.getByRole("alertdialog");
  await dialog.getByRole("button", { name: "取消" }).click();
  await row.getByRole("button", { name: "重置密码" }).click();
  await dialog.getByRole("button", { name: "确认重置" }).click();
  const reset = await reveal();
  expect(reset).not.toBe(created);

  // 停用 asks first, then 启用.
  await row.getByRole("button", { name: "停用" }).click();
  await dialog.getByRole("button", { name: "确认停用" }).click();
  await row.getByText("已停用").waitFor();
  await row.getByRole("button", { name: "启用" }).click();
  await row.getByRole("button", { name: "停用" }).waitFor();

  // Its owner signs in with the one-time password: 修改密码 only, no navigation, until it is changed.
  const owner = await (await platform.browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await owner.goto(`${platform.baseUrl}/console/login`);
  await owner.getByLabel("用户名").fill("zhou.duc");
  await owner.getByLabel("密码").fill(reset);
  await owner.getByRole("button", { name: "登录" }).click();
  await owner.waitForURL(/\/console\/account$/);
  await owner.getByText("您正在使用管理员设置的一次性密码", { exact: false }).waitFor();
  expect(await owner.getByRole("navigation").getByRole("link").count()).toBe(0);
  await owner.goto(`${platform.baseUrl}/console/overview`);
  await owner.waitForURL(/\/console\/account$/);
  await owner.getByLabel("当前密码").fill(reset);
  await owner.getByLabel("新密码", { exact: true }).fill("oversight of the hall 2026");
  await owner.getByLabel("再次输入新密码").fill("oversight of the hall 2026");
  await owner.getByRole("button", { name: "修改密码" }).click();
  await owner.waitForURL(/\/console\/overview/);
  await owner.getByRole("link", { name: "审计日志" }).waitFor();

  await page.reload();
  await row.getByText("启用").waitFor();
  expect(await row.getByText("从未登录").count()).toBe(0);
  await owner.context().close();
  await context.close();
});
