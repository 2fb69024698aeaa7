import type { Page } from "playwright-core";
import { expect, test } from "vitest";

import { LEVEL_LABELS, NATIONAL_REASONS } from "@hcp/domain";

import { MIN_RATING_TARGET_PX } from "./kiosk-a11y-checks";
import { promptCase, staffAtWindow } from "./kiosk-http";
import {
  brokenWords,
  faceBoxes,
  KIOSK_SCREENS,
  screenFit,
  type TFaceBox,
  type TScreenFit,
} from "./kiosk-layout-checks";
import { useKioskPlatform } from "./kiosk-platform";

const kiosk = useKioskPlatform();

/** Reason chips and the pager: at least 10 mm tall at the evaluator's 149 ppi (kiosk.md §2.1). */
const MIN_REASON_TARGET_PX = 59;

const LABELS: Record<string, string> = Object.fromEntries(
  Object.entries(LEVEL_LABELS).map(([level, label]) => [level, label]),
);

/**
 * The step fits the screen: the page does not scroll, the header is at the top, every control is
 * inside the viewport, and nothing scrolls inside it either.
 */
function expectFits(fit: TScreenFit, step: string): void {
  const where = `${step} at ${fit.viewport.width}×${fit.viewport.height}`;
  expect({ where, scrollHeight: fit.scrollHeight, scrollWidth: fit.scrollWidth, scrollY: fit.scrollY }).toEqual({
    where,
    scrollHeight: fit.viewport.height,
    scrollWidth: fit.viewport.width,
    scrollY: 0,
  });
  expect({ where, headerTop: fit.header?.top }).toEqual({ where, headerTop: 0 });
  expect({ where, outside: fit.outside }).toEqual({ where, outside: [] });
  expect({ where, scrolledRegions: fit.scrolledRegions }).toEqual({ where, scrolledRegions: [] });
}

const REASONS_NOT_SATISFIED = NATIONAL_REASONS.filter((reason) => reason.level === 2).map((reason) => reason.label);

/** The reason buttons on screen, in order. */
function shownReasons(page: Page): Promise<string[]> {
  return page.locator(".reason").evaluateAll((buttons) => buttons.map((button) => button.textContent ?? ""));
}

/** 下一页, when there is a next page: true once the next page is on screen. */
async function nextReasonPage(page: Page): Promise<boolean> {
  const next = page.getByRole("button", { name: "下一页" });
  if ((await next.count()) === 0 || (await next.isDisabled())) return false;
  const before = (await shownReasons(page)).join("|");
  await next.click();
  await page.waitForFunction(
    (shown) => [...document.querySelectorAll(".reason")].map((button) => button.textContent).join("|") !== shown,
    before,
  );
  return true;
}

/**
 * The reason step a page at a time: every page fits (nothing scrolls, nothing is cut, targets
 * at least 10 mm tall), and paging forward shows each reason of the level once, in order.
 */
async function expectReasonPages(page: Page, where: string): Promise<number> {
  const seen: string[] = [];
  let pages = 0;
  do {
    pages += 1;
    expectFits(await screenFit(page), `${where} reasons page ${pages}`);
    for (const button of await page.locator(".reason, .reason-page").all()) {
      const height = Math.round((await button.boundingBox())?.height ?? 0);
      expect({
        where,
        page: pages,
        button: await button.textContent(),
        tall: height >= MIN_REASON_TARGET_PX,
      }).toMatchObject({ tall: true });
    }
    seen.push(...(await shownReasons(page)));
  } while (await nextReasonPage(page));
  expect({ where, seen }).toEqual({ where, seen: REASONS_NOT_SATISFIED });
  return pages;
}

/** Pages forward from the first page to the reason and taps it. */
async function chooseReason(page: Page, label: string): Promise<void> {
  while (!(await shownReasons(page)).includes(label)) {
    if (!(await nextReasonPage(page))) throw new Error(`reason ${label} is on no page`);
  }
  await page.getByRole("button", { name: label }).click();
}

/** Five faces: order 5 → 1 as read (left to right, or top to bottom), equal boxes, whole in the viewport, labels whole words. */
function expectEqualFaces(faces: TFaceBox[], viewport: { width: number; height: number }, where: string): void {
  expect(faces.map((face) => face.level)).toEqual(["5", "4", "3", "2", "1"]);
  const [first] = faces;
  if (!first) return;
  for (const face of faces) {
    const box = { where, level: face.level, width: Math.round(face.width), height: Math.round(face.height) };
    expect(box).toEqual({ ...box, width: Math.round(first.width), height: Math.round(first.height) });
    expect(face.width).toBeGreaterThanOrEqual(MIN_RATING_TARGET_PX);
    expect(face.height).toBeGreaterThanOrEqual(MIN_RATING_TARGET_PX);
    const inside =
      face.x >= 0 &&
      face.y >= 0 &&
      face.x + face.width <= viewport.width + 0.5 &&
      face.y + face.height <= viewport.height + 0.5;
    expect({
      where,
      level: face.level,
      y: Math.round(face.y),
      bottom: Math.round(face.y + face.height),
      inside,
    }).toMatchObject({ inside: true });
    expect({ where, label: face.label, lines: face.lines, broken: brokenWords(face) }).toMatchObject({ broken: [] });
  }
  // Reading order: the next face is to the right on the same row, or on a lower row.
  for (let i = 1; i < faces.length; i++) {
    const previous = faces[i - 1];
    const face = faces[i];
    if (!previous || !face) continue;
    const sameRow = Math.abs(face.y - previous.y) < 1;
    expect({
      where,
      level: face.level,
      next: sameRow ? face.x > previous.x : face.y >= previous.y + previous.height,
    }).toMatchObject({ next: true });
  }
}

/** The chosen face says so by a mark and words, not by colour alone, and its outline is thicker than the others'. */
function chosenMarks(page: Page, level: number) {
  return page.evaluate((chosen) => {
    const thickness = (element: Element) => {
      const style = getComputedStyle(element);
      return (
        Number.parseFloat(style.borderTopWidth) +
        (style.outlineStyle === "none" ? 0 : Number.parseFloat(style.outlineWidth))
      );
    };
    const visibleText = (element: HTMLElement) => {
      const own = [...element.querySelectorAll<HTMLElement>("*")]
        .filter((child) => child.checkVisibility())
        .map((child) => child.innerText);
      return [element.innerText, ...own].join(" ");
    };
    const faces = [...document.querySelectorAll<HTMLElement>("[data-rating-level]")];
    const mine = faces.find((face) => face.getAttribute("data-rating-level") === String(chosen));
    const others = faces.filter((face) => face !== mine);
    return {
      pressed: mine?.getAttribute("aria-pressed"),
      saysChosen: mine ? visibleText(mine).includes("已选") : false,
      othersSayChosen: others.some((face) => visibleText(face).includes("已选")),
      thicker: mine ? others.every((face) => thickness(mine) >= 2 * thickness(face)) : false,
    };
  }, level);
}

for (const mode of ["normal", "大字"] as const) {
  test(`${mode}: all five faces equal and whole on every tablet, and the reason and confirm steps fit the screen`, async () => {
    const { platform } = kiosk;
    const { context, page } = await kiosk.openKiosk(`/kiosk?token=${platform.hall.deviceTokens[0]}`, { clock: true });
    const staff = await staffAtWindow(
      kiosk.baseUrl(),
      platform.hall.users.window_staff.username,
      platform.hall.windowIds[0],
    );
    await page.getByRole("img", { name: "王丽" }).waitFor();
    const large = page.getByRole("button", { name: "大字" });
    if ((await large.getAttribute("aria-pressed")) !== String(mode === "大字")) await large.click();

    for (const screen of KIOSK_SCREENS) {
      const where = `${mode} ${screen.width}×${screen.height}`;
      await page.setViewportSize(screen);
      const { caseNo } = await promptCase(kiosk.baseUrl(), staff, platform.hall.itemIds.instant);
      await page.getByTestId("kiosk-rating").waitFor();
      // Every step names the case being rated: its item and its number.
      const namesCase = async (step: string) =>
        expect({ where: `${where} ${step}`, text: await page.locator(".rating-case").textContent() }).toEqual({
          where: `${where} ${step}`,
          text: expect.stringMatching(new RegExp(`个体工商户设立登记.*${caseNo}`)) as unknown,
        });
      await namesCase("faces");

      expectEqualFaces(await faceBoxes(page, LABELS), screen, where);
      expectFits(await screenFit(page), `${where} faces`);

      // The reason step of a 差评: reasons (a page at a time where they do not all fit), comment
      // and submit on one screen, header in view.
      await page.getByRole("button", { name: "不满意", exact: true }).click();
      await page.locator(".reason").first().waitFor();
      await namesCase("reasons");
      // Submitting nothing adds an error line; the reasons make room for it rather than being cut.
      await page.getByRole("button", { name: "提交评价" }).click();
      await page.getByRole("alert").getByText("差评请至少选择一项原因或填写意见").waitFor();
      const pages = await expectReasonPages(page, where);
      // 上一页 leads back to the first page, where it is the end.
      for (let back = pages; back > 1; back -= 1) await page.getByRole("button", { name: "上一页" }).click();
      expect({ where, first: (await shownReasons(page))[0] }).toEqual({ where, first: REASONS_NOT_SATISFIED[0] });
      if (pages > 1) expect(await page.getByRole("button", { name: "上一页" }).isDisabled()).toBe(true);

      // Back to the faces: the chosen one is marked by more than colour, and nothing moved.
      await page.getByRole("button", { name: "重新选择" }).click();
      await page.locator('[data-rating-level="2"][aria-pressed="true"]').waitFor();
      expect({ where, ...(await chosenMarks(page, 2)) }).toEqual({
        where,
        pressed: "true",
        saysChosen: true,
        othersSayChosen: false,
        thicker: true,
      });
      expectEqualFaces(await faceBoxes(page, LABELS), screen, `${where} with a face chosen`);
      expectFits(await screenFit(page), `${where} faces with a face chosen`);

      await page.getByRole("button", { name: "不满意", exact: true }).click();
      await chooseReason(page, "窗口人员业务不熟练");
      const chosen = page.locator('.reason[aria-pressed="true"]').getByText("窗口人员业务不熟练");
      await chosen.waitFor();
      // A reason chosen on a later page is still chosen after paging away and back.
      if (pages > 1) {
        await page.getByRole("button", { name: "上一页" }).click();
        await chosen.waitFor({ state: "detached" });
        await nextReasonPage(page);
        await chosen.waitFor();
      }
      await page.getByRole("button", { name: "提交评价" }).click();
      await page.getByTestId("kiosk-confirm").waitFor();
      expectFits(await screenFit(page), `${where} confirm`);
      await namesCase("confirm");

      await page.getByRole("button", { name: "确认提交" }).click();
      await page.getByTestId("kiosk-thanks").waitFor();
      await page.clock.fastForward(6_000);
      await page.getByTestId("kiosk-idle").waitFor();
    }
    // Every prompt was rated; the next test's tablet is the window's only one.
    await context.close();
  });
}
