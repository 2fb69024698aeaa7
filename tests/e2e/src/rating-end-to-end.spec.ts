import { randomUUID } from "node:crypto";

import { expect, test } from "vitest";

import { hallDate } from "@hcp/domain";

import { signInToConsole } from "./console";
import { usePlatform } from "./platform";

const platform = usePlatform();

test("a rating travels from the window evaluator to the manager's screen", async () => {
  const kioskContext = await platform.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const consoleContext = await platform.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const kiosk = await kioskContext.newPage();
  const staffPage = await consoleContext.newPage();

  // The evaluator pairs with its link; the token leaves the URL.
  await kiosk.goto(`${platform.baseUrl}/kiosk?token=${platform.hall.deviceTokens[0]}`);
  await kiosk.getByTestId("kiosk-idle").waitFor();
  expect(new URL(kiosk.url()).search).toBe("");
  await kiosk.getByText("暂停服务").waitFor();

  // The staff member signs in, picks window A01: the evaluator shows their 亮牌 card.
  await signInToConsole(staffPage, platform.baseUrl, platform.hall.users.window_staff.username);
  await staffPage.getByRole("button", { name: "在此窗口上岗" }).first().click();
  await kiosk.getByText("王丽").waitFor();
  expect(await kiosk.getByTestId("staff-badge").textContent()).toBe("T001");
  await kiosk.getByRole("img", { name: "王丽" }).waitFor();

  // A case is received and completed at the window.
  await staffPage.getByLabel("搜索服务事项").fill("个体");
  await staffPage.getByRole("button", { name: /个体工商户设立登记/ }).click();
  await staffPage.getByLabel("自然人").check();
  await staffPage.getByLabel("申请人姓名或单位名称").fill("张三");
  await staffPage.getByLabel("联系电话（手机）").fill("13812345678");
  await staffPage.getByRole("button", { name: "受理" }).click();
  const row = staffPage.getByTestId("case-row").first();
  await row.getByRole("button", { name: "办结" }).click();
  const caseNo = await row.getAttribute("data-case-no");
  expect(caseNo).toMatch(/^330000\d{13}$/);

  // 请评价: the evaluator switches to the rating screen within a second, pushed over SSE.
  const invitedAt = Date.now();
  await row.getByRole("button", { name: "请评价" }).click();
  await kiosk.getByTestId("kiosk-rating").waitFor({ timeout: 5_000 });
  expect(Date.now() - invitedAt).toBeLessThan(1_000);
  await kiosk.getByText("个体工商户设立登记").waitFor();

  // Five equal targets, fixed order, none preselected, each at least 20 mm (≈ 110 CSS px) tall and wide.
  const levels = kiosk.locator("[data-rating-level]");
  expect(
    await levels.evaluateAll((buttons) => buttons.map((button) => button.getAttribute("data-rating-level"))),
  ).toEqual(["5", "4", "3", "2", "1"]);
  expect(await kiosk.locator('[data-rating-level][aria-pressed="true"]').count()).toBe(0);
  for (const box of await Promise.all((await levels.all()).map((button) => button.boundingBox()))) {
    expect(box?.width ?? 0).toBeGreaterThanOrEqual(110);
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(110);
  }

  // A 差评 asks for a reason, then for confirmation.
  await kiosk.getByRole("button", { name: "不满意", exact: true }).click();
  await kiosk.getByRole("button", { name: "提交评价" }).click();
  await kiosk.getByText("差评请至少选择一项原因或填写意见").waitFor();
  await kiosk.getByRole("button", { name: "窗口人员业务不熟练" }).click();
  await kiosk.getByRole("button", { name: "提交评价" }).click();
  await kiosk.getByTestId("kiosk-confirm").waitFor();
  await kiosk.getByRole("button", { name: "确认提交" }).click();
  await kiosk.getByTestId("kiosk-thanks").waitFor();
  await kiosk.getByTestId("kiosk-idle").waitFor({ timeout: 10_000 });
  await kiosk.getByText("王丽").waitFor();

  // The staff member sees that the case was rated, never how.
  await staffPage.reload();
  await staffPage.getByTestId("case-row").first().getByText("已评价").waitFor();
  expect(await staffPage.getByText("不满意").count()).toBe(0);

  // The manager's overview shows the day's case, rating and 好评率 for the window.
  const managerContext = await platform.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const manager = await managerContext.newPage();
  await signInToConsole(manager, platform.baseUrl, platform.hall.users.hall_manager.username);
  const today = hallDate(new Date());
  await manager.goto(`${platform.baseUrl}/console/overview?from=${today}&to=${today}`);
  const windowRow = manager.locator('[data-testid="window-row"][data-window-code="A01"]');
  await windowRow.waitFor();
  await expect.poll(() => windowRow.textContent()).toContain("0.00%");
  const text = (await windowRow.textContent()) ?? "";
  expect(text).toContain("王丽");
  expect(await manager.getByTestId("metric-cases").textContent()).toContain("1");
  expect(await manager.getByTestId("metric-goodRate").textContent()).toContain("0.00%");

  // A second rating for the same case is refused with a clear message.
  const second = await fetch(`${platform.baseUrl}/api/v1/ratings`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${platform.hall.deviceTokens[0]}` },
    body: JSON.stringify({ caseNo, level: 5, idempotencyKey: randomUUID() }),
  });
  expect(second.status).toBe(409);
  // The 差评 awaits its work order: a second rating now would be a 追评, which must wait for the reply.
  expect(((await second.json()) as { message: string }).message).toBe("该办件的差评尚未整改反馈，暂不能追评");
  const ratings = await platform.db.selectFrom("rating").select(["level", "channel"]).execute();
  expect(ratings).toEqual([{ level: 2, channel: 4 }]);

  await Promise.all([kioskContext.close(), consoleContext.close(), managerContext.close()]);
});
