import { expect, test } from "vitest";

import { FIXTURE_PASSWORD } from "@hcp/db/testing";

import { usePlatform } from "./platform";

const platform = usePlatform();

/** A case received and completed at window A01 through the public HTTP interfaces. */
async function completedCase(phone: string): Promise<string> {
  const signIn = await fetch(`${platform.baseUrl}/trpc/auth.signIn`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: platform.hall.users.window_staff.username, password: FIXTURE_PASSWORD }),
  });
  const token = /hcp_session=([\w-]+)/.exec(signIn.headers.get("set-cookie") ?? "")?.[1] ?? "";
  const headers = { "content-type": "application/json", authorization: `Bearer ${token}` };
  await fetch(`${platform.baseUrl}/trpc/window.signIn`, { method: "POST", headers, body: JSON.stringify({ windowId: platform.hall.windowIds[0] }) });
  const created = (await (
    await fetch(`${platform.baseUrl}/api/v1/cases`, {
      method: "POST",
      headers,
      body: JSON.stringify({ serviceItemId: platform.hall.itemIds.instant, applicantType: "person", applicantName: "周九", applicantPhone: phone }),
    })
  ).json()) as { id: number; caseNo: string };
  await fetch(`${platform.baseUrl}/api/v1/cases/${created.id}/complete`, { method: "POST", headers });
  return created.caseNo;
}

test("a citizen rates a finished case online from a 320 px phone", async () => {
  const caseNo = await completedCase("13987654321");
  const context = await platform.browser.newContext({ viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(`${platform.baseUrl}/rate`);

  await page.getByLabel("办件编号").fill(caseNo);
  await page.getByLabel("手机号后四位").fill("0000");
  await page.getByRole("button", { name: "查询办件" }).click();
  await page.getByText("办件编号或手机号后四位不正确").waitFor();

  await page.getByLabel("手机号后四位").fill("4321");
  await page.getByRole("button", { name: "查询办件" }).click();
  await page.getByText("个体工商户设立登记").waitFor();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

  await page.getByRole("button", { name: "非常满意" }).click();
  await page.getByRole("button", { name: "服务热情效率高" }).click();
  await page.getByRole("button", { name: "提交评价" }).click();
  await page.getByText("感谢您的评价！").waitFor();

  const ratings = await platform.db.selectFrom("rating").select(["level", "channel"]).execute();
  expect(ratings).toEqual([{ level: 5, channel: 2 }]);
  const reasons = await platform.db.selectFrom("rating_reason").select("reason_code").execute();
  expect(reasons).toEqual([{ reason_code: "517" }]);
  await context.close();
});
