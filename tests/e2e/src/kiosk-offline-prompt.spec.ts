import type { Page } from "playwright-core";
import { expect, test } from "vitest";

import { APP_ERROR_MESSAGES } from "@hcp/domain";

import { caseRow, deskShows, openDesk } from "./desk";
import { expectNoSeriousViolations } from "./kiosk-a11y-checks";
import { completedCase, promptCase, staffAtWindow } from "./kiosk-http";
import { useKioskPlatform } from "./kiosk-platform";

const kiosk = useKioskPlatform();

/**
 * The tablet loses its connection: its own server goes away, while the rest of the hall (the
 * desk, on `platform.baseUrl`, over the same database) stays up — and the tablet says so.
 */
async function dropConnection(tablet: Page): Promise<void> {
  await kiosk.stopServer();
  await tablet.getByText("离线", { exact: true }).waitFor({ timeout: 15_000 });
}

/** The connection comes back; the tablet is live again once its badge is gone and its outbox is empty. */
async function restoreConnection(tablet: Page): Promise<void> {
  await kiosk.startServer();
  await tablet.getByText("离线", { exact: true }).waitFor({ state: "detached", timeout: 20_000 });
  await tablet.getByText(/条评价待上传/).waitFor({ state: "detached", timeout: 20_000 });
}

/** A face and 提交评价 on the case on screen; a 差评 would need reasons, these are good ratings. */
async function rate(tablet: Page, caseNo: string, face: string): Promise<void> {
  await tablet.getByTestId("kiosk-rating").getByText(caseNo).waitFor({ timeout: 15_000 });
  await tablet.getByRole("button", { name: face, exact: true }).click();
  await tablet.getByRole("button", { name: "提交评价" }).click();
  await tablet.getByTestId("kiosk-thanks-case").getByText(caseNo).waitFor();
}

function ratingsOf(caseIds: number[]) {
  return kiosk.platform.db
    .selectFrom("rating")
    .select(["case_id", "level", "channel"])
    .where("case_id", "in", caseIds)
    .orderBy("id")
    .execute();
}

function promptStatuses(caseId: number) {
  return kiosk.platform.db
    .selectFrom("rating_prompt")
    .select("status")
    .where("case_id", "=", caseId)
    .orderBy("id")
    .execute();
}

test("the tablet loses its connection with a prompt on screen; the citizen's tap waits in its outbox and is stored once against that case when the connection returns", async () => {
  const { platform } = kiosk;
  await platform.db.deleteFrom("rating_prompt").where("status", "=", "pending").execute();
  const { page: tablet } = await kiosk.openKiosk(`/kiosk?token=${platform.hall.deviceTokens[0]}`);
  const staff = await staffAtWindow(
    kiosk.baseUrl(),
    platform.hall.users.window_staff.username,
    platform.hall.windowIds[0],
  );
  await tablet.getByText("王丽").waitFor();
  const prompted = await promptCase(kiosk.baseUrl(), staff, platform.hall.itemIds.instant);
  await tablet.getByTestId("kiosk-rating").getByText(prompted.caseNo).waitFor();

  await dropConnection(tablet);
  await rate(tablet, prompted.caseNo, "非常满意");
  // Thanked at once; the rating waits on the tablet.
  await tablet.getByText("离线 · 1 条评价待上传").waitFor();
  await tablet.getByTestId("kiosk-idle").waitFor({ timeout: 10_000 });
  expect(await ratingsOf([prompted.caseId])).toEqual([]);

  await restoreConnection(tablet);
  await expect
    .poll(() => ratingsOf([prompted.caseId]), { timeout: 15_000 })
    .toEqual([{ case_id: prompted.caseId, level: 5, channel: 4 }]);
  expect(await promptStatuses(prompted.caseId)).toEqual([{ status: "rated" }]);
  // The screen has moved on: the answered prompt does not come back with the reconnect's snapshot.
  await tablet.getByTestId("kiosk-idle").waitFor();
  expect(await tablet.getByTestId("kiosk-rating").count()).toBe(0);
  // Exactly once, also after the outbox settled.
  expect(await ratingsOf([prompted.caseId])).toHaveLength(1);
});

test("the tablet loses its connection; a tap before 离岗 still counts, a tap after it is refused and the tablet tells the citizen in Chinese", async () => {
  const { platform } = kiosk;
  await platform.db.deleteFrom("rating_prompt").where("status", "=", "pending").execute();
  const staffName = platform.hall.users.window_staff.username;
  const setup = await staffAtWindow(kiosk.baseUrl(), staffName, platform.hall.windowIds[0]);
  const first = await completedCase(kiosk.baseUrl(), setup, platform.hall.itemIds.instant);
  const second = await completedCase(kiosk.baseUrl(), setup, platform.hall.itemIds.instant);

  const { page: tablet } = await kiosk.openKiosk(`/kiosk?token=${platform.hall.deviceTokens[0]}`);
  await tablet.getByText("王丽").waitFor();
  const { context: deskContext, desk } = await openDesk(platform.browser, kiosk.baseUrl(), staffName);
  await caseRow(desk, first.caseNo).getByRole("button", { name: "请评价" }).click();
  await caseRow(desk, second.caseNo).getByRole("button", { name: "请评价" }).click();
  await tablet.getByTestId("kiosk-rating").getByText(first.caseNo).waitFor();
  await deskShows(desk, first.caseNo, "评价中");
  // Both pushes answered before the connection goes (each is published to the tablet before its answer).
  await deskShows(desk, second.caseNo, "已推送");

  await dropConnection(tablet);
  // The desk goes on through the hall's other server (same database), which stays up.
  await desk.goto(`${platform.baseUrl}/console/desk`);
  // The first citizen rates before the staff member leaves…
  await rate(tablet, first.caseNo, "非常满意");
  await tablet.getByTestId("kiosk-rating").getByText(second.caseNo).waitFor({ timeout: 10_000 });
  // …then 离岗 withdraws both prompts; the tablet, offline, cannot hear it.
  await desk.getByRole("button", { name: "离岗" }).click();
  await deskShows(desk, first.caseNo, "已撤回");
  await deskShows(desk, second.caseNo, "已撤回");
  // The second case is still on the offline tablet, and its tap comes after the close.
  await rate(tablet, second.caseNo, "满意");
  await tablet.getByText("离线 · 2 条评价待上传").waitFor();

  await restoreConnection(tablet);
  // The tap made before the close counts; the one after it is not stored.
  await expect
    .poll(() => ratingsOf([first.id, second.id]), { timeout: 15_000 })
    .toEqual([{ case_id: first.id, level: 5, channel: 4 }]);
  expect(await promptStatuses(first.id)).toEqual([{ status: "withdrawn" }]);
  expect(await promptStatuses(second.id)).toEqual([{ status: "withdrawn" }]);
  // The tablet says, in Chinese, which case's rating was not recorded and why.
  const notice = tablet.getByTestId("kiosk-refused");
  await notice.waitFor({ timeout: 15_000 });
  await notice.getByText(second.caseNo).waitFor();
  await notice.getByText(APP_ERROR_MESSAGES.PROMPT_CLOSED).waitFor();
  expect(await notice.getByText(first.caseNo).count()).toBe(0);
  await expectNoSeriousViolations(tablet, "refused rating notice");
  await notice.getByRole("button", { name: "知道了" }).click();
  await tablet.getByTestId("kiosk-idle").waitFor();
  // The hall hears of it too: one signal for review on 评价器管理.
  const signals = () =>
    platform.db
      .selectFrom("rating_signal")
      .select(["kind", "case_id"])
      .where("kind", "=", "refused")
      .where("case_id", "in", [first.id, second.id])
      .execute();
  await expect.poll(signals, { timeout: 15_000 }).toEqual([{ kind: "refused", case_id: second.id }]);
  // The staff member sees the first case rated, the second one withdrawn (to push again).
  await desk.reload();
  await caseRow(desk, first.caseNo).getByText("已评价", { exact: true }).waitFor();
  await deskShows(desk, second.caseNo, "已撤回");
  expect(await ratingsOf([first.id, second.id])).toHaveLength(1);
  await deskContext.close();
});
