import type { Browser, Page } from "playwright-core";
import { expect, test } from "vitest";

import { caseAtWindow } from "./cases";
import { usePlatform } from "./platform";

const platform = usePlatform();

function phoneContext(browser: Browser) {
  return browser.newContext({ viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true });
}

async function lookUp(page: Page, caseNo: string, phoneLast4: string): Promise<void> {
  await page.getByLabel("办件编号").fill(caseNo);
  await page.getByLabel("手机号后四位").fill(phoneLast4);
  await page.getByRole("button", { name: "查询办件" }).click();
}

/** The shown case number split at its line breaks, as laid out. */
function caseNumberLines(page: Page): Promise<string[]> {
  return page
    .getByTestId("rate-case")
    .locator(".rate-case-no")
    .evaluate((element) => {
      const lines: string[] = [];
      let lastTop: number | null = null;
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? "";
        for (let i = 0; i < text.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const top = Math.round(range.getBoundingClientRect().top);
          if (lastTop === null || Math.abs(top - lastTop) > 2) lines.push(text[i] ?? "");
          else lines[lines.length - 1] = `${lines.at(-1) ?? ""}${text[i] ?? ""}`;
          lastTop = top;
        }
      }
      return lines;
    });
}

test("each of the first four wrong phone digits says how many tries remain; the fifth locks", async () => {
  const { caseNo } = await caseAtWindow(platform, "13922223333");
  const context = await phoneContext(platform.browser);
  const page = await context.newPage();
  await page.goto(`${platform.baseUrl}/rate`);
  for (const left of [4, 3, 2, 1]) {
    await lookUp(page, caseNo, `000${left}`);
    await page.getByRole("alert").getByText(`办件编号或手机号后四位不正确，还可尝试 ${left} 次`).waitFor();
  }
  await lookUp(page, caseNo, "0009");
  await page
    .getByRole("alert")
    .getByText(/^查询错误次数过多，该办件已暂时锁定/)
    .waitFor();
  await context.close();
});

test("the phone's back button moves between the page's steps, and a reload keeps the case found", async () => {
  const { caseNo } = await caseAtWindow(platform, "13944445555");
  const context = await phoneContext(platform.browser);
  const page = await context.newPage();
  await page.goto(`${platform.baseUrl}/rate`);
  await lookUp(page, caseNo, "5555");
  await page.getByTestId("rate-form").waitFor();
  // The phone digits never reach the address bar (or a shared link).
  expect(page.url()).not.toContain("5555");

  // A reload keeps the case, with its form.
  await page.reload();
  await page.getByTestId("rate-case").getByText(caseNo).waitFor();
  await page.getByTestId("rate-form").waitFor();
  expect(page.url()).not.toContain("5555");

  // A 差评's confirm step: back returns to the form, still on this page.
  await page.getByRole("button", { name: "不满意", exact: true }).click();
  await page.getByRole("button", { name: "窗口人员业务不熟练" }).click();
  await page.getByRole("button", { name: "提交评价" }).click();
  await page.getByTestId("rate-confirm").waitFor();
  await page.goBack();
  await page.getByTestId("rate-form").waitFor();
  expect(await page.getByTestId("rate-confirm").count()).toBe(0);

  // Rated: back shows the case (now rated, no form), back again the lookup; forward the case.
  await page.getByRole("button", { name: "满意", exact: true }).click();
  await page.getByRole("button", { name: "提交评价" }).click();
  await page.getByTestId("rate-thanks").waitFor();
  await page.goBack();
  await page.getByTestId("rate-rated").getByText("满意").waitFor();
  expect(await page.getByRole("button", { name: "提交评价" }).count()).toBe(0);
  expect(new URL(page.url()).pathname).toBe("/rate");
  await page.goBack();
  await page.getByTestId("rate-lookup").waitFor();
  expect(new URL(page.url()).pathname).toBe("/rate");
  await page.goForward();
  await page.getByTestId("rate-case").getByText(caseNo).waitFor();

  // Back at the lookup, a reload stays there: the found case is forgotten with the step.
  await page.goBack();
  await page.getByTestId("rate-lookup").waitFor();
  await page.reload();
  await page.getByTestId("rate-lookup").waitFor();
  expect(await page.getByTestId("rate-case").count()).toBe(0);
  await context.close();
});

test("the case number keeps all its digits on one line on a 320 px phone, in both sizes", async () => {
  const { caseNo } = await caseAtWindow(platform, "13966667777");
  const context = await phoneContext(platform.browser);
  const page = await context.newPage();
  await page.goto(`${platform.baseUrl}/rate`);
  for (const elder of [false, true]) {
    const toggle = page.getByRole("button", { name: "长辈版" });
    if ((await toggle.getAttribute("aria-pressed")) !== String(elder)) await toggle.click();
    if (await page.getByTestId("rate-lookup").count()) await lookUp(page, caseNo, "7777");
    await page.getByTestId("rate-case").getByText(caseNo).waitFor();
    expect({ elder, lines: await caseNumberLines(page) }).toEqual({ elder, lines: [caseNo] });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  }
  await context.close();
});
