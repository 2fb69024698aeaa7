import type { Page } from "playwright-core";
import { expect, test } from "vitest";

import { caseAtWindow } from "./cases";
import { signInToConsole } from "./console";
import { usePlatform } from "./platform";

const platform = usePlatform();

/** Takes one step on the open order page and waits for the state it leads to. */
async function act(page: Page, action: string, note: string, nextState: string): Promise<void> {
  await page.getByRole("radio", { name: action }).check();
  if (note) await page.getByRole("textbox").last().fill(note);
  await page.getByRole("button", { name: "提交" }).click();
  await expect.poll(() => page.getByTestId("work-order-state").textContent()).toContain(nextState);
}

test("a bad review goes from the evaluator through call-back, rectification and reply to the citizen's follow-up", async () => {
  const kase = await caseAtWindow(platform, "13755556666");

  // The citizen gives a 差评 on the window's evaluator.
  const kioskContext = await platform.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const kiosk = await kioskContext.newPage();
  await kiosk.goto(`${platform.baseUrl}/kiosk?token=${platform.hall.deviceTokens[0]}`);
  await kiosk.getByTestId("kiosk-idle").waitFor();
  await fetch(`${platform.baseUrl}/api/v1/cases/${kase.id}/rating-invitations`, {
    method: "POST",
    headers: kase.headers,
  });
  await kiosk.getByTestId("kiosk-rating").waitFor();
  await kiosk.getByRole("button", { name: "非常不满意" }).click();
  await kiosk.getByRole("button", { name: "服务态度差效率低" }).click();
  await kiosk.getByRole("button", { name: "提交评价" }).click();
  await kiosk.getByRole("button", { name: "确认提交" }).click();
  await kiosk.getByTestId("kiosk-thanks").waitFor();
  await kioskContext.close();

  // A hall manager searches the queue by the case number's last digits and reads who must act.
  await platform.db
    .updateTable("user")
    .set({ display_name: "王芳" })
    .where("id", "=", platform.hall.users.department_head.id)
    .execute();
  const managerContext = await platform.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const manager = await managerContext.newPage();
  await signInToConsole(manager, platform.baseUrl, platform.hall.users.hall_manager.username);
  await manager.goto(`${platform.baseUrl}/console/work-orders`);
  await manager.getByTestId("work-order-row").first().waitFor();
  await manager.getByLabel("办件编号（尾号）").fill(kase.caseNo.slice(-5));
  await manager.getByRole("button", { name: "查询" }).click();
  await expect.poll(() => manager.getByTestId("work-order-count").getAttribute("data-value")).toBe("1");
  expect(new URL(manager.url()).searchParams.get("case")).toContain(kase.caseNo.slice(-5));
  await manager.getByTestId("work-order-row").getByRole("link", { name: kase.caseNo }).click();
  const next = manager.getByTestId("work-order-next");
  await next.waitFor();
  expect(await manager.getByTestId("work-order-next-actor").textContent()).toBe("部门负责人 王芳 无需您办理");
  expect(await next.textContent()).toContain("回访记录");
  expect(await next.textContent()).toMatch(/回访期限 \d{4}-\d{2}-\d{2}/);
  expect(await manager.getByTestId("work-order-no-actions").textContent()).toContain("下一步由部门负责人 王芳办理");
  await managerContext.close();

  // The department head finds the order in the queue and works it through.
  const consoleContext = await platform.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const head = await consoleContext.newPage();
  await signInToConsole(head, platform.baseUrl, platform.hall.users.department_head.username);
  await head.goto(`${platform.baseUrl}/console/work-orders`);
  const row = head.getByTestId("work-order-row").filter({ hasText: kase.caseNo });
  await row.waitFor();
  await row.getByRole("link", { name: kase.caseNo }).click();
  await head.getByTestId("work-order-state").getByText("待核实").waitFor();
  await head.getByText("服务态度差效率低").first().waitFor();
  expect(await head.getByTestId("work-order-your-turn").textContent()).toBe("轮到您办理");

  await act(head, "回访", "电话回访：群众反映窗口人员态度生硬", "已回访");
  await expect.poll(() => head.getByTestId("work-order-next").textContent()).toContain("整改措施");
  // 开始整改 without its 整改措施 is refused by the schema the server shares, before any request.
  await head.getByRole("radio", { name: "开始整改" }).check();
  await head.getByRole("button", { name: "提交" }).click();
  await head.getByText("请填写整改措施").waitFor();
  await act(head, "开始整改", "安排窗口人员参加服务礼仪培训", "整改中");
  await act(head, "整改完成", "已约谈窗口人员并开展服务礼仪培训", "已整改");
  await act(head, "反馈群众", "已对窗口人员进行培训，感谢您的监督", "已反馈");

  // The citizen sees the reply online and gives the one follow-up rating (追评).
  const phone = await platform.browser.newContext({
    viewport: { width: 375, height: 740 },
    hasTouch: true,
    isMobile: true,
  });
  const citizen = await phone.newPage();
  await citizen.goto(`${platform.baseUrl}/rate`);
  await citizen.getByLabel("办件编号").fill(kase.caseNo);
  await citizen.getByLabel("手机号后四位").fill("6666");
  await citizen.getByRole("button", { name: "查询办件" }).click();
  await citizen.getByText("已对窗口人员进行培训，感谢您的监督").waitFor();
  await citizen.getByText("追评：请您再次评价本次服务").waitFor();
  await citizen.getByRole("button", { name: "满意", exact: true }).click();
  await citizen.getByRole("button", { name: "提交评价" }).click();
  await citizen.getByText("感谢您的评价！").waitFor();
  await phone.close();

  // The order is closed by the follow-up, and its timeline tells the whole story.
  await head.reload();
  await expect.poll(() => head.getByTestId("work-order-state").textContent()).toContain("办结");
  const timeline = await head.getByTestId("work-order-event").allTextContents();
  expect(timeline.some((entry) => entry.includes("群众追评"))).toBe(true);
  const ratings = await platform.db.selectFrom("rating").select(["seq", "level", "channel"]).orderBy("seq").execute();
  expect(ratings).toEqual([
    { seq: 1, level: 1, channel: 4 },
    { seq: 2, level: 4, channel: 2 },
  ]);
  await consoleContext.close();
});
