import type { Page } from "playwright-core";
import { expect, test } from "vitest";

import { LEVEL_LABELS } from "@hcp/domain";

import { MIN_RATING_TARGET_PX } from "./kiosk-a11y-checks";
import { promptCase, staffAtWindow } from "./kiosk-http";
import { brokenWords, faceBoxes, KIOSK_SCREENS, screenFit } from "./kiosk-layout-checks";
import type { TFaceBox, TScreenFit } from "./kiosk-layout-checks";
import { useKioskPlatform } from "./kiosk-platform";

const kiosk = useKioskPlatform();

const LABELS: Record<string, string> = Object.fromEntries(Object.entries(LEVEL_LABELS).map(([level, label]) => [level, label]));

/**
 * The step fits the screen: the page does not scroll, the header is at the top, every control is
 * inside the viewport, and nothing scrolls inside it either — except, where `listMayScroll`, one
 * reason list that cannot fit at 200 % text (checked by reachableReasons).
 */
function expectFits(fit: TScreenFit, step: string, listMayScroll = false): void {
  const where = `${step} at ${fit.viewport.width}×${fit.viewport.height}`;
  expect({ where, scrollHeight: fit.scrollHeight, scrollWidth: fit.scrollWidth, scrollY: fit.scrollY }).toEqual({
    where,
    scrollHeight: fit.viewport.height,
    scrollWidth: fit.viewport.width,
    scrollY: 0,
  });
  expect({ where, headerTop: fit.header?.top }).toEqual({ where, headerTop: 0 });
  expect({ where, outside: fit.outside }).toEqual({ where, outside: [] });
  const regions = listMayScroll ? fit.scrolledRegions.filter((region) => !region.selector.includes("reason-list")) : fit.scrolledRegions;
  expect({ where, scrolledRegions: regions }).toEqual({ where, scrolledRegions: [] });
}

/** Every reason can be brought fully into view without the page (and its header) moving. */
async function expectReachableReasons(page: Page, where: string): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 0, height: 0 };
  for (const reason of await page.locator(".reason").all()) {
    await reason.scrollIntoViewIfNeeded();
    const box = await reason.boundingBox();
    const inside = box !== null && box.y >= 0 && box.y + box.height <= viewport.height + 0.5;
    expect({ where, reason: await reason.textContent(), inside }).toMatchObject({ inside: true });
  }
  const fit = await screenFit(page);
  expect({ where, scrollY: fit.scrollY, headerTop: fit.header?.top }).toEqual({ where, scrollY: 0, headerTop: 0 });
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
    const inside = face.x >= 0 && face.y >= 0 && face.x + face.width <= viewport.width + 0.5 && face.y + face.height <= viewport.height + 0.5;
    expect({ where, level: face.level, y: Math.round(face.y), bottom: Math.round(face.y + face.height), inside }).toMatchObject({ inside: true });
    expect({ where, label: face.label, lines: face.lines, broken: brokenWords(face) }).toMatchObject({ broken: [] });
  }
  // Reading order: the next face is to the right on the same row, or on a lower row.
  for (let i = 1; i < faces.length; i++) {
    const previous = faces[i - 1];
    const face = faces[i];
    if (!previous || !face) continue;
    const sameRow = Math.abs(face.y - previous.y) < 1;
    expect({ where, level: face.level, next: sameRow ? face.x > previous.x : face.y >= previous.y + previous.height }).toMatchObject({ next: true });
  }
}

/** The chosen face says so by a mark and words, not by colour alone, and its outline is thicker than the others'. */
function chosenMarks(page: Page, level: number) {
  return page.evaluate((chosen) => {
    const thickness = (element: Element) => {
      const style = getComputedStyle(element);
      return Number.parseFloat(style.borderTopWidth) + (style.outlineStyle === "none" ? 0 : Number.parseFloat(style.outlineWidth));
    };
    const visibleText = (element: HTMLElement) => {
      const own = [...element.querySelectorAll<HTMLElement>("*")].filter((child) => child.checkVisibility()).map((child) => child.innerText);
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
    const staff = await staffAtWindow(kiosk.baseUrl(), platform.hall.users.window_staff.username, platform.hall.windowIds[0]);
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

      // The reason step of a 差评: reasons, comment and submit on one screen, header in view.
      await page.getByRole("button", { name: "不满意", exact: true }).click();
      await page.getByRole("button", { name: "窗口人员业务不熟练" }).waitFor();
      expectFits(await screenFit(page), `${where} reasons`, mode === "大字");
      await namesCase("reasons");
      await expectReachableReasons(page, `${where} reasons`);

      // Back to the faces: the chosen one is marked by more than colour, and nothing moved.
      await page.getByRole("button", { name: "重新选择" }).click();
      await page.locator('[data-rating-level="2"][aria-pressed="true"]').waitFor();
      expect({ where, ...(await chosenMarks(page, 2)) }).toEqual({ where, pressed: "true", saysChosen: true, othersSayChosen: false, thicker: true });
      expectEqualFaces(await faceBoxes(page, LABELS), screen, `${where} with a face chosen`);
      expectFits(await screenFit(page), `${where} faces with a face chosen`);

      await page.getByRole("button", { name: "不满意", exact: true }).click();
      await page.getByRole("button", { name: "窗口人员业务不熟练" }).click();
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
