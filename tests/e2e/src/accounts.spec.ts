import { expect, test } from "vitest";

import { signInToConsole } from "./console";
import { usePlatform } from "./platform";

const platform = usePlatform();

/** An administrator on 账号管理. */
async function openAccounts() {
  const context = await platform.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signInToConsole(page, platform.baseUrl, platform.hall.users.admin.username);
  await page.getByRole("link", { name: "账号管理" }).click();
  await page.getByRole("heading", { name: "账号管理" }).waitFor();
  return { context, page };
}

test("账号管理: an administrator creates an account, edits, resets, disables and enables it; its owner must change the one-time password first", async () => {
  const { context, page } = await openAccounts();

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

test("设置密码链接: an account created or reset with a link; its owner opens it once, chooses a password and is signed in", async () => {
  const { context, page } = await openAccounts();

  await page.getByRole("button", { name: "新建账号" }).click();
  await page.getByLabel("用户名").fill("qian.link");
  await page.getByLabel("姓名").fill("钱督查");
  await page.getByLabel("角色").selectOption({ label: "领导 / 督查" });
  await page.getByRole("radio", { name: /设置密码链接/ }).check();
  await page.getByRole("button", { name: "保存" }).click();
  const revealLink = async () => {
    await page.getByText("设置密码链接", { exact: false }).first().waitFor();
    const link = (await page.getByTestId("password-link").textContent()) ?? "";
    expect(await page.getByTestId("one-time-password").count()).toBe(0);
    await page.getByRole("button", { name: "已交给本人，关闭" }).click();
    expect(await page.getByTestId("password-link").count()).toBe(0);
    return link;
  };
  const created = await revealLink();
  expect(created).toMatch(new RegExp(`^${platform.baseUrl}/console/set-password#[A-Za-z0-9_-]{43}$`));

  // The row's 发送设置密码链接 asks first; confirmed, a new link replaces the first one.
  const row = page.getByTestId("account-row").filter({ hasText: "qian.link" });
  await row.getByRole("button", { name: "发送设置密码链接" }).click();
  const dialog = page.getByRole("alertdialog");
  await dialog.getByRole("button", { name: "取消" }).click();
  await row.getByRole("button", { name: "发送设置密码链接" }).click();
  await dialog.getByRole("button", { name: "生成链接" }).click();
  const replaced = await revealLink();
  expect(replaced).not.toBe(created);

  // The first link opens no more.
  const owner = await (await platform.browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await owner.goto(created);
  await owner.getByText("设置密码链接无效、已使用或已过期，请联系管理员重新生成").waitFor();

  // The new one greets its owner; the form tells the rules, then signs them in.
  await owner.goto(replaced);
  await owner.getByText("钱督查，您好", { exact: false }).waitFor();
  await owner.getByLabel("新密码", { exact: true }).fill("oversight of the hall 2026");
  await owner.getByLabel("再次输入新密码").fill("oversight of the hall 2027");
  await owner.getByRole("button", { name: "设置密码并登录" }).click();
  await owner.getByText("两次输入的新密码不一致").waitFor();
  await owner.getByLabel("再次输入新密码").fill("oversight of the hall 2026");
  await owner.getByRole("button", { name: "设置密码并登录" }).click();
  await owner.waitForURL(/\/console\/overview/);
  await owner.getByRole("link", { name: "审计日志" }).waitFor();

  // Used once, the link shows why it no longer opens; 返回登录页 leads to the sign-in page.
  const again = await (await platform.browser.newContext()).newPage();
  await again.goto(replaced);
  await again.getByText("设置密码链接无效、已使用或已过期，请联系管理员重新生成").waitFor();
  await again.getByRole("link", { name: "返回登录页" }).click();
  await again.waitForURL(/\/console\/login$/);

  await page.reload();
  await row.getByText("启用").waitFor();
  expect(await row.getByText("待修改初始密码").count()).toBe(0);
  await again.context().close();
  await owner.context().close();
  await context.close();
});
