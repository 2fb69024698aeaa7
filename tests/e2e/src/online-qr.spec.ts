import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { expect, test } from "vitest";

import { FIXTURE_PASSWORD } from "@hcp/db/testing";

import { signInToConsole } from "./console";
import { usePlatform } from "./platform";

const platform = usePlatform();

/** Receives and completes a case at the desk; returns its number. */
async function completeCaseAtDesk(page: Page, applicant: string, phone: string): Promise<string> {
  await page.getByLabel("搜索服务事项").fill("个体");
  await page.getByRole("button", { name: /个体工商户设立登记/ }).click();
  await page.getByLabel("自然人").check();
  await page.getByLabel("申请人姓名或单位名称").fill(applicant);
  await page.getByLabel("联系电话（手机）").fill(phone);
  await page.getByRole("button", { name: "受理" }).click();
  const created = await page.getByRole("status").filter({ hasText: "已受理，办件编号" }).textContent();
  const caseNo = /办件编号 (\d+)/.exec(created ?? "")?.[1] ?? "";
  const row = page.locator(`[data-testid="case-row"][data-case-no="${caseNo}"]`);
  await row.getByRole("button", { name: "办结" }).click();
  await row.getByRole("button", { name: "打印回执" }).waitFor();
  return caseNo;
}

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === "serious" || violation.impact === "critical",
  );
  expect(
    serious.map(
      (violation) => `${screen}: ${violation.id} at ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    ),
  ).toEqual([]);
}

function ratingsOf(caseNo: string) {
  return platform.db
    .selectFrom("rating")
    .innerJoin("case", "case.id", "rating.case_id")
    .select(["rating.level", "rating.channel"])
    .where("case.case_no", "=", caseNo)
    .execute();
}

test("the window prints a receipt whose QR code opens the case on a phone; a second rating is refused", async () => {
  const consoleContext = await platform.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const staffPage = await consoleContext.newPage();
  await signInToConsole(staffPage, platform.baseUrl, platform.hall.users.window_staff.username);
  expect(staffPage.url()).toContain("/console/desk");
  await staffPage.getByRole("button", { name: "在此窗口上岗" }).first().click();
  await staffPage.getByText("您在此窗口").waitFor();
  const caseNo = await completeCaseAtDesk(staffPage, "张三", "13812345678");

  // 打印回执: the print view shows the case, the staff member's name and badge, and the QR code.
  await staffPage.evaluate(() => {
    const tracked = window as unknown as { printCalls: number };
    tracked.printCalls = 0;
    window.print = () => {
      tracked.printCalls += 1;
    };
  });
  await staffPage
    .locator(`[data-testid="case-row"][data-case-no="${caseNo}"]`)
    .getByRole("button", { name: "打印回执" })
    .click();
  const receipt = staffPage.getByTestId("receipt");
  await receipt.waitFor();
  for (const text of [
    caseNo,
    "个体工商户设立登记",
    "县市场监督管理局",
    "综合受理1号窗口",
    "王丽（工号 T001）",
    "张*",
  ]) {
    await receipt.getByText(text, { exact: true }).waitFor();
  }
  expect(await receipt.textContent()).toMatch(/办结时间\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
  expect(await receipt.textContent()).not.toContain("13812345678");
  expect(await receipt.getByTestId("receipt-lookup-help").textContent()).toContain(`${platform.baseUrl}/rate`);
  const qrUrl = (await receipt.getByRole("img", { name: "评价二维码" }).getAttribute("data-qr-url")) ?? "";
  expect(qrUrl).toMatch(
    new RegExp(`^${platform.baseUrl.replace(/[.]/g, "\\.")}/rate\\?t=v1\\.k1\\.[\\w-]+\\.[\\w-]{43}&pf=3$`),
  );

  await staffPage.getByRole("button", { name: "打印", exact: true }).click();
  expect(await staffPage.evaluate(() => (window as unknown as { printCalls: number }).printCalls)).toBe(1);
  // On paper only the receipt: the console around it and the dialog's buttons are not printed.
  await staffPage.emulateMedia({ media: "print" });
  expect(await staffPage.locator("#root").isVisible()).toBe(false);
  expect(await receipt.isVisible()).toBe(true);
  expect(await staffPage.getByRole("button", { name: "打印", exact: true }).isVisible()).toBe(false);
  await staffPage.emulateMedia({ media: "screen" });
  await staffPage.getByRole("button", { name: "关闭" }).click();
  await receipt.waitFor({ state: "detached" });

  // The citizen scans the code: the case opens without asking for phone digits, on two phones.
  const phone = await platform.browser.newContext({
    viewport: { width: 320, height: 640 },
    hasTouch: true,
    isMobile: true,
  });
  const scanner = await phone.newPage();
  const other = await phone.newPage();
  for (const page of [other, scanner]) {
    await page.goto(qrUrl);
    await page.getByTestId("rate-form").waitFor();
  }
  expect(await scanner.getByTestId("rate-lookup").count()).toBe(0);
  await scanner.getByTestId("rate-case").getByText("个体工商户设立登记").waitFor();
  await scanner.getByTestId("rate-case").getByText(caseNo).waitFor();
  await expectAccessible(scanner, "case opened from the QR code");

  await scanner.getByRole("button", { name: "满意", exact: true }).click();
  await scanner.getByRole("button", { name: "提交评价" }).click();
  await scanner.getByTestId("rate-thanks").getByText("满意", { exact: true }).waitFor();
  expect(await ratingsOf(caseNo)).toEqual([{ level: 4, channel: 3 }]);

  // The other phone still shows the form: its different rating is refused, the recorded one shown.
  await other.bringToFront();
  await other.getByRole("button", { name: "非常不满意" }).click();
  await other.getByLabel("意见建议").fill("改成差评");
  await other.getByRole("button", { name: "提交评价" }).click();
  await other.getByRole("button", { name: "确认提交" }).click();
  const refused = other.getByTestId("rate-rated");
  await refused.getByRole("alert").getByText("该办件已经评价过，每个办件只能评价一次").waitFor();
  await refused.getByText("满意", { exact: true }).waitFor();
  expect(await ratingsOf(caseNo)).toEqual([{ level: 4, channel: 3 }]);

  // Scanning again later shows the rating instead of a form.
  await scanner.bringToFront();
  await scanner.reload();
  await scanner.getByTestId("rate-rated").waitFor();
  expect(await scanner.getByTestId("rate-form").count()).toBe(0);
  await phone.close();
  await consoleContext.close();
});

test("the SMS link records channel 7; an altered link says so and offers the case-number lookup", async () => {
  const signInResponse = await fetch(`${platform.baseUrl}/trpc/auth.signIn`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: platform.hall.users.window_staff.username, password: FIXTURE_PASSWORD }),
  });
  const session = /hcp_session=([\w-]+)/.exec(signInResponse.headers.get("set-cookie") ?? "")?.[1] ?? "";
  const headers = { "content-type": "application/json", authorization: `Bearer ${session}` };
  await fetch(`${platform.baseUrl}/trpc/window.signIn`, {
    method: "POST",
    headers,
    body: JSON.stringify({ windowId: platform.hall.windowIds[0] }),
  });
  const created = (await (
    await fetch(`${platform.baseUrl}/api/v1/cases`, {
      method: "POST",
      headers,
      body: JSON.stringify({
        serviceItemId: platform.hall.itemIds.instant,
        applicantType: "person",
        applicantName: "吴十",
        applicantPhone: "13822223333",
      }),
    })
  ).json()) as { id: number; caseNo: string };
  await fetch(`${platform.baseUrl}/api/v1/cases/${created.id}/complete`, { method: "POST", headers });
  // A business system sending the SMS gets the same receipt data over REST.
  const receipt = (await (
    await fetch(`${platform.baseUrl}/api/v1/cases/${created.id}/receipt`, { headers })
  ).json()) as { smsPath: string };
  expect(receipt.smsPath).toMatch(/^\/rate\?t=v1\.k1\.[\w-]+\.[\w-]{43}&pf=7$/);

  const context = await platform.browser.newContext({
    viewport: { width: 320, height: 640 },
    hasTouch: true,
    isMobile: true,
  });
  const page = await context.newPage();
  await page.goto(`${platform.baseUrl}${receipt.smsPath}`);
  await page.getByRole("button", { name: "基本满意" }).click();
  await page.getByRole("button", { name: "提交评价" }).click();
  await page.getByTestId("rate-thanks").waitFor();
  expect(await ratingsOf(created.caseNo)).toEqual([{ level: 3, channel: 7 }]);

  const token = new URLSearchParams(receipt.smsPath.split("?")[1]).get("t") ?? "";
  const altered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
  await page.goto(`${platform.baseUrl}/rate?t=${altered}&pf=3`);
  const error = page.getByTestId("rate-error");
  await error.getByText("评价链接无效或已过期，请重新查询办件").waitFor();
  await error.getByRole("button", { name: "按办件编号查询" }).click();
  await page.getByTestId("rate-lookup").waitFor();
  expect(new URL(page.url()).search).toBe("");
  await context.close();
});
