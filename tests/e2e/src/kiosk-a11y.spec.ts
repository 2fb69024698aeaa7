import { expect, test } from "vitest";

import {
  expectNoSeriousViolations,
  MIN_RATING_TARGET_PX,
  ratingTargetSizes,
  smallestTextPx,
  withCrawlingClock,
} from "./kiosk-a11y-checks";
import { mutate, promptCase, signIn, staffAtWindow } from "./kiosk-http";
import { useKioskPlatform, voicesPlayed } from "./kiosk-platform";

const kiosk = useKioskPlatform();

test("every evaluator screen passes axe (WCAG 2.2 AA), with ≥ 24 px text and ≥ 20 mm rating targets", async () => {
  const { platform } = kiosk;
  // A retry (a renderer lost on a starved CI machine) must start from the same empty window.
  await mutate(
    kiosk.baseUrl(),
    await signIn(kiosk.baseUrl(), platform.hall.users.window_staff.username),
    "window.signOut",
    undefined,
  );
  await platform.db.deleteFrom("rating_prompt").where("status", "=", "pending").execute();
  const { page: unpaired } = await kiosk.openKiosk("/kiosk");
  await unpaired.getByRole("heading", { name: "评价器尚未配对" }).waitFor();
  await expectNoSeriousViolations(unpaired, "pairing");
  expect(await smallestTextPx(unpaired)).toBeGreaterThanOrEqual(24);

  const { page } = await kiosk.openKiosk(`/kiosk?token=${platform.hall.deviceTokens[0]}`, { clock: true });
  await page.getByText("暂停服务").waitFor();
  await expectNoSeriousViolations(page, "paused");
  const staff = await staffAtWindow(
    kiosk.baseUrl(),
    platform.hall.users.window_staff.username,
    platform.hall.windowIds[0],
  );
  await page.getByRole("img", { name: "王丽" }).waitFor();
  await expectNoSeriousViolations(page, "idle");
  expect(await smallestTextPx(page)).toBeGreaterThanOrEqual(24);

  const prompted = await promptCase(kiosk.baseUrl(), staff, platform.hall.itemIds.instant);
  await page.getByTestId("kiosk-rating").waitFor();
  await expectNoSeriousViolations(page, "rating");
  for (const box of await ratingTargetSizes(page)) {
    expect(box.width).toBeGreaterThanOrEqual(MIN_RATING_TARGET_PX);
    expect(box.height).toBeGreaterThanOrEqual(MIN_RATING_TARGET_PX);
  }

  await page.getByRole("button", { name: "非常不满意" }).click();
  await page.getByRole("button", { name: "跑动次数与承诺的不一致" }).click();
  await expectNoSeriousViolations(page, "rating with reasons");
  expect(await smallestTextPx(page)).toBeGreaterThanOrEqual(24);
  await page.getByRole("button", { name: "提交评价" }).click();
  await page.getByTestId("kiosk-confirm").waitFor();
  await page.getByText("您选择了：非常不满意").waitFor();
  await expectNoSeriousViolations(page, "confirm");

  await page.clock.fastForward(61_000);
  await page.getByRole("dialog", { name: "还在评价吗？" }).waitFor();
  await expectNoSeriousViolations(page, "timeout warning");
  expect(await smallestTextPx(page)).toBeGreaterThanOrEqual(24);
  await page.getByRole("button", { name: "继续评价" }).click();

  // Hold the clock so the thanks screen stays while axe reads it.
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
  await page.getByRole("button", { name: "确认提交" }).click();
  await page.getByTestId("kiosk-thanks").waitFor();
  await withCrawlingClock(page, () => expectNoSeriousViolations(page, "thanks"));
  expect(await page.getByTestId("kiosk-thanks").count()).toBe(1);
  await page.clock.resume();
  await page.getByTestId("kiosk-idle").waitFor({ timeout: 10_000 });
  expect(await voicesPlayed(page)).toEqual(["ratePrompt", "confirmBad", "stillThere", "thanks"]);
  await expect
    .poll(() => platform.db.selectFrom("rating").select("level").where("case_id", "=", prompted.caseId).execute())
    .toEqual([{ level: 1 }]);
});

test("大字 doubles the text on every screen, keeps targets ≥ 20 mm, and is remembered; 静音 stops the voice", async () => {
  const { platform } = kiosk;
  await platform.db.deleteFrom("rating_prompt").where("status", "=", "pending").execute();
  const { page } = await kiosk.openKiosk(`/kiosk?token=${platform.hall.deviceTokens[0]}`);
  const staff = await staffAtWindow(
    kiosk.baseUrl(),
    platform.hall.users.window_staff.username,
    platform.hall.windowIds[0],
  );
  await page.getByRole("img", { name: "王丽" }).waitFor();

  const large = page.getByRole("button", { name: "大字" });
  expect(await large.getAttribute("aria-pressed")).toBe("false");
  await large.click();
  expect(await large.getAttribute("aria-pressed")).toBe("true");
  expect(await smallestTextPx(page)).toBeGreaterThanOrEqual(48);
  await expectNoSeriousViolations(page, "idle, 大字");

  await page.reload();
  await page.getByRole("img", { name: "王丽" }).waitFor();
  expect(await page.getByRole("button", { name: "大字" }).getAttribute("aria-pressed")).toBe("true");

  await page.getByRole("button", { name: "静音" }).click();
  await promptCase(kiosk.baseUrl(), staff, platform.hall.itemIds.instant);
  await page.getByTestId("kiosk-rating").waitFor();
  expect(await smallestTextPx(page)).toBeGreaterThanOrEqual(48);
  await expectNoSeriousViolations(page, "rating, 大字");
  for (const box of await ratingTargetSizes(page)) {
    expect(box.width).toBeGreaterThanOrEqual(MIN_RATING_TARGET_PX);
    expect(box.height).toBeGreaterThanOrEqual(MIN_RATING_TARGET_PX);
  }
  // The faces keep their fixed order (side by side; see kiosk-layout.spec.ts for every tablet).
  const tops = await Promise.all(
    (await page.locator("[data-rating-level]").all()).map(async (button) => (await button.boundingBox())?.y ?? 0),
  );
  expect(tops).toEqual([...tops].sort((a, b) => a - b));

  await page.getByRole("button", { name: "不满意", exact: true }).click();
  await page.getByLabel("意见建议").fill("等候时间太长");
  await page.getByRole("button", { name: "提交评价" }).click();
  await page.getByTestId("kiosk-confirm").waitFor();
  await expectNoSeriousViolations(page, "confirm, 大字");
  await page.getByRole("button", { name: "确认提交" }).click();
  await page.getByTestId("kiosk-thanks").waitFor();
  expect(await voicesPlayed(page)).toEqual([]);
  await expect
    .poll(() => platform.db.selectFrom("rating").select(["level", "comment"]).where("level", "=", 2).execute())
    .toEqual([{ level: 2, comment: "等候时间太长" }]);
});
