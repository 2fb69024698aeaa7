import { expect, test } from "vitest";

import { caseRow, deskShows, openDesk } from "./desk";
import { completedCase, mutate, signIn, staffAtWindow } from "./kiosk-http";
import { useKioskPlatform } from "./kiosk-platform";

const kiosk = useKioskPlatform();

const ITEM = "个体工商户设立登记";

test("…0014 times out, is pushed again, the evaluator drops off, 离岗, back at the window …0015 and …0017: the evaluator shows only those, one after the other", async () => {
  const { platform } = kiosk;
  const staffName = platform.hall.users.window_staff.username;
  // Cases …0001 to …0017 of the day; …0014, …0015 and …0017 are completed.
  const setup = await staffAtWindow(kiosk.baseUrl(), staffName, platform.hall.windowIds[0]);
  const cases = new Map<number, { id: number; caseNo: string }>();
  for (let sequence = 1; sequence <= 17; sequence += 1) {
    if ([14, 15, 17].includes(sequence)) {
      cases.set(sequence, await completedCase(kiosk.baseUrl(), setup, platform.hall.itemIds.instant));
    } else {
      await mutate(kiosk.baseUrl(), setup, "case.create", {
        serviceItemId: platform.hall.itemIds.instant,
        applicantType: "person",
        applicantName: "钱七",
        applicantPhone: "13700005678",
      });
    }
  }
  const pick = (sequence: number) => {
    const found = cases.get(sequence);
    if (!found?.caseNo.endsWith(String(sequence).padStart(5, "0")))
      throw new Error(`case …${sequence} was not made as expected`);
    return found;
  };
  const c14 = pick(14);
  const c15 = pick(15);
  const c17 = pick(17);

  // The evaluator runs on Playwright's clock (time flows; the timeout is jumped over).
  const { page: tablet } = await kiosk.openKiosk(`/kiosk?token=${platform.hall.deviceTokens[0]}`, { clock: true });
  await tablet.getByText("王丽").waitFor();
  const { context: deskContext, desk } = await openDesk(platform.browser, kiosk.baseUrl(), staffName);

  // 请评价 on …0014: the evaluator names its item and number; the desk follows it to 评价中.
  await caseRow(desk, c14.caseNo).getByRole("button", { name: "请评价" }).click();
  await tablet.getByTestId("kiosk-rating").waitFor();
  await tablet.getByText(c14.caseNo).waitFor();
  await tablet.getByTestId("kiosk-rating").getByText(ITEM).waitFor();
  await deskShows(desk, c14.caseNo, "评价中");
  // Nobody answers: the warning, then the timeout.
  await tablet.clock.fastForward(61_000);
  await tablet.getByRole("dialog", { name: "还在评价吗？" }).waitFor();
  await tablet.clock.fastForward(21_000);
  await tablet.getByTestId("kiosk-idle").waitFor();
  await deskShows(desk, c14.caseNo, "已超时");

  // 重新推送 while the evaluator has lost its connection: the console works through another server.
  await kiosk.stopServer();
  await tablet.getByText("离线", { exact: true }).waitFor();
  await desk.goto(`${platform.baseUrl}/console/desk`);
  await caseRow(desk, c14.caseNo).getByRole("button", { name: "重新推送" }).click();
  await deskShows(desk, c14.caseNo, "已推送");
  // 离岗: the staff session ends and takes its open prompt with it.
  await desk.getByRole("button", { name: "离岗" }).click();
  await deskShows(desk, c14.caseNo, "已撤回");

  // Later the same staff sign in again at the window and push …0015 and …0017.
  const window = await platform.db
    .selectFrom("window")
    .select("code")
    .where("id", "=", platform.hall.windowIds[0])
    .executeTakeFirstOrThrow();
  await desk
    .locator(`[data-testid="desk-window-row"][data-window-code="${window.code}"]`)
    .getByRole("button", { name: "在此窗口上岗" })
    .click();
  await desk.getByText("您在此窗口").waitFor();
  await caseRow(desk, c15.caseNo).getByRole("button", { name: "请评价" }).click();
  await deskShows(desk, c15.caseNo, "已推送");
  await caseRow(desk, c17.caseNo).getByRole("button", { name: "请评价" }).click();
  await deskShows(desk, c17.caseNo, "已推送");

  // The evaluator comes back: …0015 first, never …0014.
  await kiosk.startServer();
  await tablet.getByText("离线", { exact: true }).waitFor({ state: "detached", timeout: 20_000 });
  await tablet.getByTestId("kiosk-rating").getByText(c15.caseNo).waitFor({ timeout: 20_000 });
  expect(await tablet.getByText(c14.caseNo).count()).toBe(0);
  await deskShows(desk, c15.caseNo, "评价中");
  await tablet.getByRole("button", { name: "非常满意" }).click();
  await tablet.getByRole("button", { name: "提交评价" }).click();
  await tablet.getByTestId("kiosk-thanks-case").getByText(c15.caseNo).waitFor();
  // …then …0017, named the same way.
  await tablet.getByTestId("kiosk-rating").getByText(c17.caseNo).waitFor({ timeout: 10_000 });
  await tablet.getByTestId("kiosk-rating").getByText(ITEM).waitFor();
  expect(await tablet.getByText(c14.caseNo).count()).toBe(0);
  await tablet.getByRole("button", { name: "满意", exact: true }).click();
  await tablet.getByRole("button", { name: "提交评价" }).click();
  await tablet.getByTestId("kiosk-idle").waitFor({ timeout: 10_000 });
  // A rated case says 已评价 and nothing more (never how it was rated).
  await caseRow(desk, c17.caseNo).getByText("已评价", { exact: true }).waitFor({ timeout: 15_000 });

  const ratings = () =>
    platform.db
      .selectFrom("rating")
      .select(["case_id", "channel"])
      .where("case_id", "in", [c14.id, c15.id, c17.id])
      .orderBy("id")
      .execute();
  await expect.poll(ratings, { timeout: 15_000 }).toEqual([
    { case_id: c15.id, channel: 4 },
    { case_id: c17.id, channel: 4 },
  ]);
  const prompts14 = await platform.db
    .selectFrom("rating_prompt")
    .select("status")
    .where("case_id", "=", c14.id)
    .orderBy("id")
    .execute();
  expect(prompts14.map((prompt) => prompt.status)).toEqual(["timed_out", "withdrawn"]);
  // …0014 is still open for a rating online, within its rating window.
  // Asked of the server that received the case: the phone digits are matched under its data key.
  const visitor = await fetch(`${kiosk.baseUrl()}/trpc/online.lookup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ caseNo: c14.caseNo, phoneLast4: "1234" }),
  });
  expect(await visitor.json()).toMatchObject({ result: { data: { caseNo: c14.caseNo, status: "open" } } });
  await deskContext.close();
});

test("撤回推送 on the desk takes the case off a live evaluator at once", async () => {
  const { platform } = kiosk;
  const staffName = platform.hall.users.window_staff.username;
  const staff = await signIn(kiosk.baseUrl(), staffName);
  await mutate(kiosk.baseUrl(), staff, "window.signIn", { windowId: platform.hall.windowIds[0] });
  const done = await completedCase(kiosk.baseUrl(), staff, platform.hall.itemIds.instant);
  const { page: tablet } = await kiosk.openKiosk(`/kiosk?token=${platform.hall.deviceTokens[0]}`);
  await tablet.getByText("王丽").waitFor();
  const { context: deskContext, desk } = await openDesk(platform.browser, kiosk.baseUrl(), staffName);

  await caseRow(desk, done.caseNo).getByRole("button", { name: "请评价" }).click();
  await tablet.getByTestId("kiosk-rating").getByText(done.caseNo).waitFor();
  await deskShows(desk, done.caseNo, "评价中");
  await caseRow(desk, done.caseNo).getByRole("button", { name: "撤回推送" }).click();
  await tablet.getByTestId("kiosk-idle").waitFor();
  await deskShows(desk, done.caseNo, "已撤回");
  expect(await platform.db.selectFrom("rating").select("id").where("case_id", "=", done.id).execute()).toEqual([]);
  const trail = await platform.db
    .selectFrom("audit_log")
    .select("action")
    .where("entity_id", "=", String(done.id))
    .where("action", "like", "rating.%")
    .orderBy("id")
    .execute();
  expect(trail.map((record) => record.action)).toEqual(["rating.invite", "rating.promptWithdrawn"]);
  await deskContext.close();
});
