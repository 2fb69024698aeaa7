import { expect, test } from "vitest";

import { promptCase, staffAtWindow } from "./kiosk-http";
import { useKioskPlatform, voicesPlayed } from "./kiosk-platform";

const kiosk = useKioskPlatform();

test("a prompt is rated on the evaluator, stored once with its tap time, and the evaluator returns to 亮牌", async () => {
  const { platform } = kiosk;
  const { page } = await kiosk.openKiosk(`/kiosk?token=${platform.hall.deviceTokens[0]}`);
  await page.getByTestId("kiosk-idle").waitFor();
  await page.getByText("暂停服务").waitFor();

  const staff = await staffAtWindow(
    kiosk.baseUrl(),
    platform.hall.users.window_staff.username,
    platform.hall.windowIds[0],
  );
  await page.getByText("王丽").waitFor();
  const { caseNo, promptId } = await promptCase(kiosk.baseUrl(), staff, platform.hall.itemIds.instant);

  await page.getByTestId("kiosk-rating").waitFor();
  await page.getByText(caseNo).waitFor();
  expect(await page.locator('[data-rating-level][aria-pressed="true"]').count()).toBe(0);
  const before = Date.now();
  await page.getByRole("button", { name: "满意", exact: true }).click();
  await page.getByRole("button", { name: "服务态度较好" }).click();
  await page.getByRole("button", { name: "提交评价" }).click();
  const after = Date.now();
  await page.getByTestId("kiosk-thanks").waitFor();
  await page.getByTestId("kiosk-idle").waitFor({ timeout: 10_000 });
  await page.getByText("王丽").waitFor();

  await expect
    .poll(() => platform.db.selectFrom("rating").select(["level", "channel", "prompt_id"]).execute())
    .toEqual([{ level: 4, channel: 4, prompt_id: promptId }]);
  const [row] = await platform.db.selectFrom("rating").select(["rated_at", "received_at"]).execute();
  expect(row?.rated_at.getTime()).toBeGreaterThanOrEqual(before - 1);
  expect(row?.rated_at.getTime()).toBeLessThanOrEqual(after + 1);
  expect(await voicesPlayed(page)).toEqual(["ratePrompt", "thanks"]);
  const prompt = await platform.db
    .selectFrom("rating_prompt")
    .select("status")
    .where("id", "=", promptId)
    .executeTakeFirst();
  expect(prompt?.status).toBe("rated");
});

test("a second prompt waits behind the first, and a double tap on submit still makes one rating", async () => {
  const { platform } = kiosk;
  const { page } = await kiosk.openKiosk(`/kiosk?token=${platform.hall.deviceTokens[0]}`);
  const staff = await staffAtWindow(
    kiosk.baseUrl(),
    platform.hall.users.window_staff.username,
    platform.hall.windowIds[0],
  );
  await page.getByText("王丽").waitFor();
  const first = await promptCase(kiosk.baseUrl(), staff, platform.hall.itemIds.instant);
  const second = await promptCase(kiosk.baseUrl(), staff, platform.hall.itemIds.promised);

  // The citizen in front keeps their screen: the second case queues.
  await page.getByText(first.caseNo).waitFor();
  expect(await page.getByText(second.caseNo).count()).toBe(0);
  await page.getByRole("button", { name: "基本满意" }).click();
  await page.getByRole("button", { name: "提交评价" }).dblclick();
  await page.getByTestId("kiosk-thanks").waitFor();
  await page.getByText(second.caseNo).waitFor({ timeout: 10_000 });
  await page.getByRole("button", { name: "非常满意" }).click();
  await page.getByRole("button", { name: "提交评价" }).click();
  await page.getByTestId("kiosk-idle").waitFor({ timeout: 10_000 });

  const rows = () =>
    platform.db
      .selectFrom("rating")
      .select(["case_id", "level"])
      .where("case_id", "in", [first.caseId, second.caseId])
      .orderBy("case_id")
      .execute();
  await expect.poll(rows).toEqual([
    { case_id: first.caseId, level: 3 },
    { case_id: second.caseId, level: 5 },
  ]);
});

test("the evaluator reports a heartbeat with its outbox depth and version", async () => {
  const { platform } = kiosk;
  const { page } = await kiosk.openKiosk(`/kiosk?token=${platform.hall.deviceTokens[0]}`);
  await page.getByTestId("kiosk-idle").waitFor();
  const device = () =>
    platform.db
      .selectFrom("evaluator_device")
      .select(["last_heartbeat_at", "outbox_depth", "app_version"])
      .where("window_id", "=", platform.hall.windowIds[0])
      .executeTakeFirstOrThrow();
  await expect.poll(async () => (await device()).last_heartbeat_at !== null).toBe(true);
  const reported = await device();
  expect(reported.outbox_depth).toBe(0);
  expect(reported.app_version).toMatch(/^\d+\.\d+\.\d+/);
});

test("the idle screen does not burn in: the 亮牌 card drifts, the screen dims after five quiet minutes, a touch wakes it", async () => {
  const { platform } = kiosk;
  const { page } = await kiosk.openKiosk(`/kiosk?token=${platform.hall.deviceTokens[0]}`, { clock: true });
  await page.getByText("王丽").waitFor();
  const card = page.getByTestId("kiosk-idle");
  const offset = () =>
    card.evaluate(
      (element) =>
        getComputedStyle(element).getPropertyValue("--drift-x") +
        getComputedStyle(element).getPropertyValue("--drift-y"),
    );
  const start = await offset();
  await page.clock.fastForward("03:01");
  await expect.poll(offset).not.toBe(start);

  const frame = page.getByTestId("kiosk");
  expect(await frame.getAttribute("class")).not.toContain("kiosk-dimmed");
  await page.clock.fastForward("02:00");
  await expect.poll(() => frame.getAttribute("class")).toContain("kiosk-dimmed");
  await page.mouse.click(640, 700);
  await expect.poll(() => frame.getAttribute("class")).not.toContain("kiosk-dimmed");
  // The badge number stays readable the whole time: 亮牌 is the point of the idle screen.
  expect(await page.getByTestId("staff-badge").textContent()).toBe("T001");
});

test("with reduced motion the 亮牌 card jumps instead of gliding", async () => {
  const { platform } = kiosk;
  const { page } = await kiosk.openKiosk(`/kiosk?token=${platform.hall.deviceTokens[0]}`);
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.getByText("王丽").waitFor();
  const transition = await page
    .getByTestId("kiosk-idle")
    .evaluate((element) => getComputedStyle(element).transitionDuration);
  expect(transition).toBe("0s");
});
