import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { expect, test } from "vitest";

import { caseAtWindow as receiveCase } from "./cases";
import { usePlatform } from "./platform";

const platform = usePlatform();

/** A case received (and unless told otherwise completed) at window A01. */
async function caseAtWindow(phone: string, options: { complete?: boolean } = {}): Promise<string> {
  return (await receiveCase(platform, phone, options)).caseNo;
}

function phoneContext(browser: Browser) {
  return browser.newContext({ viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true });
}

async function lookUp(page: Page, caseNo: string, phoneLast4: string): Promise<void> {
  await page.getByLabel("办件编号").fill(caseNo);
  await page.getByLabel("手机号后四位").fill(phoneLast4);
  await page.getByRole("button", { name: "查询办件" }).click();
}

/** axe-core on the current screen: no serious or critical WCAG 2.2 A/AA violation. */
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

/** The smallest computed font size of any text on the page, in CSS px. */
function smallestText(page: Page): Promise<number> {
  return page.evaluate(() => {
    let smallest = Number.POSITIVE_INFINITY;
    for (const element of document.querySelectorAll<HTMLElement>(".rate *")) {
      const hasText = [...element.childNodes].some(
        (node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? "").trim() !== "",
      );
      const visible = element.getClientRects().length > 0 && !element.closest(".visually-hidden");
      if (hasText && visible) smallest = Math.min(smallest, Number.parseFloat(getComputedStyle(element).fontSize));
    }
    return smallest;
  });
}

test("a citizen rates a finished case online from a 320 px phone, by case number and phone digits", async () => {
  const caseNo = await caseAtWindow("13987654321");
  const context = await phoneContext(platform.browser);
  const page = await context.newPage();
  await page.goto(`${platform.baseUrl}/rate`);
  expect(await smallestText(page)).toBeGreaterThanOrEqual(18);

  await lookUp(page, caseNo, "0000");
  await page.getByText("办件编号或手机号后四位不正确").waitFor();

  // A pasted full phone number is cut to the four digits the field asks for.
  await page.getByLabel("手机号后四位").fill("139 8765 4321");
  expect(await page.getByLabel("手机号后四位").inputValue()).toBe("4321");
  await page.getByRole("button", { name: "查询办件" }).click();

  // The case — item, window, completion time — is shown before anything is asked.
  const facts = page.getByTestId("rate-case");
  await facts.getByText("个体工商户设立登记").waitFor();
  await facts.getByText("综合受理1号窗口").waitFor();
  expect(await facts.textContent()).toMatch(/办结时间\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

  // Five levels, fixed order, none chosen, each at least 60 px tall and the full width of the phone.
  const levels = page.locator("[data-rating-level]");
  expect(
    await levels.evaluateAll((buttons) => buttons.map((button) => button.getAttribute("data-rating-level"))),
  ).toEqual(["5", "4", "3", "2", "1"]);
  expect(await page.locator('[data-rating-level][aria-pressed="true"]').count()).toBe(0);
  for (const box of await Promise.all((await levels.all()).map((button) => button.boundingBox()))) {
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(60);
  }
  expect(await smallestText(page)).toBeGreaterThanOrEqual(18);

  await page.getByRole("button", { name: "非常满意" }).click();
  await page.getByRole("button", { name: "服务热情效率高" }).click();
  await page.getByRole("button", { name: "提交评价" }).click();
  const thanks = page.getByTestId("rate-thanks");
  await thanks.getByText("感谢您的评价！").waitFor();
  // The recorded rating is read back.
  await thanks.getByText("非常满意").waitFor();
  await thanks.getByText("服务热情效率高").waitFor();

  const ratings = await platform.db.selectFrom("rating").select(["level", "channel"]).execute();
  expect(ratings).toEqual([{ level: 5, channel: 2 }]);
  const reasons = await platform.db.selectFrom("rating_reason").select("reason_code").execute();
  expect(reasons).toEqual([{ reason_code: "517" }]);

  // Looking the case up again shows the recorded rating instead of a form.
  await page.getByRole("button", { name: "评价其他办件" }).click();
  await lookUp(page, caseNo, "4321");
  await page.getByTestId("rate-rated").getByText("非常满意").waitFor();
  expect(await page.getByRole("button", { name: "提交评价" }).count()).toBe(0);
  await context.close();
});

test("a 差评 needs a reason and a confirmation; a second rating of the same case is refused; its work order shows", async () => {
  const caseNo = await caseAtWindow("13911112222");
  const context = await phoneContext(platform.browser);
  const first = await context.newPage();
  const second = await context.newPage();
  for (const page of [first, second]) {
    await page.goto(`${platform.baseUrl}/rate`);
    await lookUp(page, caseNo, "2222");
    await page.getByTestId("rate-form").waitFor();
  }

  // A background tab gets throttled animation frames, which every click waits for.
  await first.bringToFront();
  await first.getByRole("button", { name: "不满意", exact: true }).click();
  await first.getByRole("button", { name: "提交评价" }).click();
  await first.getByText("差评请至少选择一项原因或填写意见").waitFor();
  await first.getByRole("button", { name: "窗口人员业务不熟练" }).click();
  await first.getByRole("button", { name: "提交评价" }).click();
  await first.getByTestId("rate-confirm").waitFor();
  await first.getByRole("button", { name: "确认提交" }).click();
  await first.getByTestId("rate-thanks").getByText("不满意").waitFor();

  // The other tab still shows the form; its rating is refused (a 追评 only follows a rectified
  // bad review) and the recorded one is shown, with where its work order stands.
  await second.bringToFront();
  await second.getByRole("button", { name: "非常满意" }).click();
  await second.getByRole("button", { name: "提交评价" }).click();
  const rated = second.getByTestId("rate-rated");
  await rated.getByRole("alert").getByText("该办件的差评尚未整改反馈，暂不能追评").waitFor();
  await rated.getByText("不满意").waitFor();
  await rated.getByText("窗口人员业务不熟练").waitFor();
  expect(await rated.getByTestId("rate-work-order").textContent()).toBe("已受理，待核实");
  expect(await second.getByRole("button", { name: "提交评价" }).count()).toBe(0);

  const ratings = await platform.db
    .selectFrom("rating")
    .innerJoin("case", "case.id", "rating.case_id")
    .select(["rating.level"])
    .where("case.case_no", "=", caseNo)
    .execute();
  expect(ratings).toEqual([{ level: 2 }]);
  await context.close();
});

test("five wrong phone digits lock the case number and say when to try again", async () => {
  const caseNo = await caseAtWindow("13933334444");
  const context = await phoneContext(platform.browser);
  const page = await context.newPage();
  await page.goto(`${platform.baseUrl}/rate`);
  for (let attempt = 1; attempt <= 4; attempt++) {
    await lookUp(page, caseNo, `000${attempt}`);
    await page.getByRole("alert").getByText("办件编号或手机号后四位不正确").waitFor();
  }
  await lookUp(page, caseNo, "0005");
  const lockMessage = /^查询错误次数过多，该办件已暂时锁定，请于 (\d{1,2}月\d{1,2}日 )?\d{2}:\d{2} 后再试$/;
  await page.getByRole("alert").getByText(lockMessage).waitFor();

  // Even the right digits are refused while the lock lasts.
  await lookUp(page, caseNo, "4444");
  await page.getByRole("alert").getByText(lockMessage).waitFor();
  expect(await page.getByTestId("rate-case").count()).toBe(0);
  await expectAccessible(page, "locked");
  const lock = await platform.db
    .selectFrom("online_lookup_lock")
    .select(["failures", "locked_until"])
    .where("case_no", "=", caseNo)
    .executeTakeFirstOrThrow();
  expect(lock.failures).toBe(5);
  expect(lock.locked_until?.getTime() ?? 0).toBeGreaterThan(Date.now() + 14 * 60_000);
  await context.close();
});

test("every /rate screen passes axe-core, in the normal size and in 长辈版", async () => {
  const open = await caseAtWindow("13955556666");
  const toRate = { normal: await caseAtWindow("13977778888"), elder: await caseAtWindow("13977779999") };
  const unfinished = await caseAtWindow("13900001111", { complete: false });
  const context = await phoneContext(platform.browser);
  const page = await context.newPage();

  for (const elder of [false, true]) {
    const mode = elder ? "长辈版" : "normal";
    await page.goto(`${platform.baseUrl}/rate`);
    const toggle = page.getByRole("button", { name: "长辈版" });
    if ((await toggle.getAttribute("aria-pressed")) !== String(elder)) await toggle.click();
    // The choice survives a reload.
    await page.reload();
    expect(await page.locator(".rate").getAttribute("data-elder")).toBe(elder ? "on" : "off");
    expect(await smallestText(page)).toBeGreaterThanOrEqual(elder ? 23 : 18);

    await page.getByTestId("rate-lookup").waitFor();
    await expectAccessible(page, `${mode} lookup`);
    await page.getByRole("button", { name: "查询办件" }).click();
    await page.locator("#rate-case-no-error").waitFor();
    await expectAccessible(page, `${mode} lookup with field errors`);
    await lookUp(page, open, "0000");
    await page.getByRole("alert").waitFor();
    await expectAccessible(page, `${mode} lookup refused`);

    await lookUp(page, open, "6666");
    await page.getByTestId("rate-form").waitFor();
    await expectAccessible(page, `${mode} case with form`);
    await page.getByRole("button", { name: "非常不满意" }).click();
    await page.getByRole("button", { name: "提交评价" }).click();
    await page.getByText("差评请至少选择一项原因或填写意见").waitFor();
    await expectAccessible(page, `${mode} bad rating with reasons`);
    await page.getByLabel("意见建议").fill("等候时间太长");
    await page.getByRole("button", { name: "提交评价" }).click();
    await page.getByTestId("rate-confirm").waitFor();
    await expectAccessible(page, `${mode} confirm`);
    await page.getByRole("button", { name: "返回修改" }).click();

    const caseNo = elder ? toRate.elder : toRate.normal;
    await page.getByRole("button", { name: "评价其他办件" }).click();
    await lookUp(page, caseNo, caseNo === toRate.elder ? "9999" : "8888");
    await page.getByRole("button", { name: "满意", exact: true }).click();
    await page.getByRole("button", { name: "提交评价" }).click();
    await page.getByTestId("rate-thanks").waitFor();
    await expectAccessible(page, `${mode} thanks`);
    await page.getByRole("button", { name: "评价其他办件" }).click();
    await lookUp(page, caseNo, caseNo === toRate.elder ? "9999" : "8888");
    await page.getByTestId("rate-rated").waitFor();
    await expectAccessible(page, `${mode} already rated`);

    await page.getByRole("button", { name: "评价其他办件" }).click();
    await lookUp(page, unfinished, "1111");
    await page.getByTestId("rate-not_completed").waitFor();
    await expectAccessible(page, `${mode} not completed`);

    await page.goto(`${platform.baseUrl}/rate?t=v1.k1.forged.${"A".repeat(43)}&pf=3`);
    await page.getByTestId("rate-error").getByText("评价链接无效或已过期，请重新查询办件").waitFor();
    await expectAccessible(page, `${mode} link error`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  }
  await context.close();
});
