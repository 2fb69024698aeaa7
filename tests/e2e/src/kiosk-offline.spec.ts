import { expect, test } from "vitest";

import { promptCase, staffAtWindow } from "./kiosk-http";
import { useKioskPlatform } from "./kiosk-platform";

const kiosk = useKioskPlatform();

/** The evaluator of window A01, paired by its demo link, with 王丽 signed in at the window. */
async function liveEvaluator() {
  const { platform } = kiosk;
  const opened = await kiosk.openKiosk(`/kiosk?token=${platform.hall.deviceTokens[0]}`);
  const staff = await staffAtWindow(
    kiosk.baseUrl(),
    platform.hall.users.window_staff.username,
    platform.hall.windowIds[0],
  );
  await opened.page.getByText("王丽").waitFor();
  return { ...opened, staff };
}

test("a prompt issued while the evaluator is disconnected appears once it reconnects", async () => {
  const { platform } = kiosk;
  const { page, staff } = await liveEvaluator();

  await kiosk.stopServer();
  await page.getByText("离线", { exact: true }).waitFor();
  // The staff console works through another server of the hall: the prompt reaches the
  // database, not this evaluator's (dead) feed.
  const { caseNo } = await promptCase(platform.baseUrl, staff, platform.hall.itemIds.instant);
  expect(await page.getByTestId("kiosk-rating").count()).toBe(0);

  await kiosk.startServer();
  await page.getByTestId("kiosk-rating").waitFor({ timeout: 15_000 });
  await page.getByText(caseNo).waitFor();
  await page.getByText("离线", { exact: true }).waitFor({ state: "detached" });
});

test("a rating taken while the server is down is delivered exactly once, with its tap time, after the tab was closed", async () => {
  const { platform } = kiosk;
  await platform.db.deleteFrom("rating_prompt").execute();
  const { context, page, staff } = await liveEvaluator();
  const { caseNo, caseId } = await promptCase(kiosk.baseUrl(), staff, platform.hall.itemIds.promised);
  await page.getByText(caseNo).waitFor();

  await kiosk.stopServer();
  const tappedFrom = Date.now();
  await page.getByRole("button", { name: "非常满意" }).click();
  await page.getByRole("button", { name: "提交评价" }).click();
  const tappedTo = Date.now();
  // Thanks at once: the rating is safe on the tablet, the server is not needed for that.
  await page.getByTestId("kiosk-thanks").waitFor();
  await page.getByText("离线 · 1 条评价待上传").waitFor();
  await page.getByTestId("kiosk-idle").waitFor({ timeout: 10_000 });
  await page.close();

  await kiosk.startServer();
  const reopened = await context.newPage();
  await reopened.goto(`${kiosk.baseUrl()}/kiosk`);
  await reopened.getByTestId("kiosk-idle").waitFor();

  const rows = () => platform.db.selectFrom("rating").selectAll().where("case_id", "=", caseId).execute();
  await expect.poll(async () => (await rows()).length, { timeout: 15_000 }).toBe(1);
  const [rating] = await rows();
  if (!rating) throw new Error("no rating row");
  expect(rating.level).toBe(5);
  expect(rating.rated_at.getTime()).toBeGreaterThanOrEqual(tappedFrom - 1);
  expect(rating.rated_at.getTime()).toBeLessThanOrEqual(tappedTo + 1);
  expect(rating.received_at.getTime()).toBeGreaterThan(rating.rated_at.getTime());
  await reopened.getByText(/条评价待上传/).waitFor({ state: "detached" });
  // The prompt answered offline does not come back with the replayed snapshot.
  expect(await reopened.getByTestId("kiosk-rating").count()).toBe(0);

  // A late duplicate of the same submission (a retry whose answer was lost) changes nothing.
  const replay = await fetch(`${kiosk.baseUrl()}/api/v1/ratings`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${platform.hall.deviceTokens[0]}` },
    body: JSON.stringify({
      caseNo,
      level: 5,
      idempotencyKey: rating.idempotency_key,
      ratedAt: rating.rated_at.toISOString(),
    }),
  });
  expect(replay.status).toBe(200);
  expect(((await replay.json()) as { replayed: boolean }).replayed).toBe(true);
  expect(await rows()).toHaveLength(1);
});

test("the evaluator's shell opens without a network once its service worker is installed", async () => {
  const { context, page } = await liveEvaluator();
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(new URL(scope).pathname).toBe("/kiosk");

  await context.setOffline(true);
  await page.reload();
  // 亮牌 from the tablet's memory of its window, and a badge saying the feed is down.
  await page.getByText("王丽").waitFor();
  await page.getByText("离线", { exact: true }).waitFor();
  await context.setOffline(false);
  await page.getByText("离线", { exact: true }).waitFor({ state: "detached", timeout: 15_000 });
});
