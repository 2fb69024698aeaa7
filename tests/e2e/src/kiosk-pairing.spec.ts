import { createHash } from "node:crypto";

import { expect, test } from "vitest";

import { signInToConsole } from "./console";
import { mutate, signIn } from "./kiosk-http";
import { useKioskPlatform } from "./kiosk-platform";

const kiosk = useKioskPlatform();

test("a new tablet pairs with the administrator's six-digit code and stays paired", async () => {
  const { platform } = kiosk;
  const device = await platform.db
    .selectFrom("evaluator_device")
    .select(["id", "token_hash"])
    .where("window_id", "=", platform.hall.windowIds[1])
    .executeTakeFirstOrThrow();

  const { page } = await kiosk.openKiosk("/kiosk");
  await page.getByRole("heading", { name: "评价器尚未配对" }).waitFor();

  // The form checks the format before asking the server.
  const code = page.getByLabel("配对码（6 位数字）");
  await code.fill("12ab");
  await page.getByRole("button", { name: "配对", exact: true }).click();
  await page.getByText("请输入 6 位数字配对码").waitFor();

  const manager = await signIn(kiosk.baseUrl(), platform.hall.users.hall_manager.username);
  const issued = await mutate<{ code: string }>(kiosk.baseUrl(), manager, "device.issuePairingCode", {
    deviceId: device.id,
  });
  expect(issued.code).toMatch(/^\d{6}$/);
  const wrong = issued.code === "000000" ? "000001" : "000000";
  await code.fill(wrong);
  await page.getByRole("button", { name: "配对", exact: true }).click();
  await page.getByText("配对码无效或已过期，请向管理员重新获取").waitFor();

  await code.fill(issued.code);
  await page.getByRole("button", { name: "配对", exact: true }).click();
  await page.getByTestId("kiosk-idle").waitFor();
  await page.getByText("综合受理2号窗口").first().waitFor();
  await page.getByText("暂停服务").waitFor();

  // The server keeps only hashes: a new device token, the code used up, the old token revoked.
  const paired = await platform.db
    .selectFrom("evaluator_device")
    .select(["token_hash", "pairing_code_hash", "paired_at"])
    .where("id", "=", device.id)
    .executeTakeFirstOrThrow();
  expect(paired.token_hash).not.toBe(device.token_hash);
  expect(paired.token_hash).toMatch(/^[0-9a-f]{64}$/);
  expect(paired.pairing_code_hash).not.toBe(createHash("sha256").update(`pairing:${issued.code}`).digest("hex"));
  expect(paired.paired_at).not.toBeNull();

  // The cookie is the pairing: a reload (or a restart) goes straight back to the window.
  await page.reload();
  await page.getByTestId("kiosk-idle").waitFor();

  // Unpaired from the console while it shows 亮牌: the open tablet drops to the pairing screen at once.
  await mutate(kiosk.baseUrl(), manager, "device.unpair", { deviceId: device.id });
  await page.getByRole("heading", { name: "评价器尚未配对" }).waitFor();

  // The replaced tablet's demo link no longer works.
  const { page: old } = await kiosk.openKiosk(`/kiosk?token=${platform.hall.deviceTokens[1]}`);
  await old.getByRole("heading", { name: "评价器尚未配对" }).waitFor();
  await old.getByText("评价器未登记或凭证无效").waitFor();
  expect(new URL(old.url()).search).toBe("");
});

test("the console asks before 更换设备 and 解除配对, and a pairing code survives a reload until the tablet uses it", async () => {
  const { platform } = kiosk;
  const { page: tablet } = await kiosk.openKiosk(`/kiosk?token=${platform.hall.deviceTokens[0]}`);
  await tablet.getByTestId("kiosk-idle").waitFor();

  const context = await platform.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const consolePage = await context.newPage();
  await signInToConsole(consolePage, kiosk.baseUrl(), platform.hall.users.hall_manager.username);
  await consolePage.goto(`${kiosk.baseUrl()}/console/devices`);
  const row = consolePage.locator('[data-testid="device-row"][data-window-code="A01"]');

  // 更换设备: the dialog names the window; 取消 leaves the tablet working.
  await row.getByRole("button", { name: "更换设备" }).click();
  const replace = consolePage.getByRole("alertdialog", { name: "更换窗口 A01 的评价器？" });
  expect(await replace.textContent()).toContain("窗口 A01 综合受理1号窗口的评价器将立即停止使用");
  await replace.getByRole("button", { name: "取消" }).click();
  await replace.waitFor({ state: "detached" });
  expect(await row.getByTestId("pairing-code").count()).toBe(0);
  await tablet.getByTestId("kiosk-idle").waitFor();

  // Confirmed: the tablet stops at once and the row shows the new code with its validity.
  await row.getByRole("button", { name: "更换设备" }).click();
  await replace.getByRole("button", { name: "确认更换设备" }).click();
  await tablet.getByRole("heading", { name: "评价器尚未配对" }).waitFor();
  const shown = row.getByTestId("pairing-code");
  await shown.waitFor();
  const code = (await shown.getAttribute("data-code")) ?? "";
  expect(code).toMatch(/^\d{6}$/);
  expect(await shown.textContent()).toMatch(/前有效（剩余 1[45] 分钟）/);

  // A reload (or another administrator) still reads the code while it waits for the tablet.
  await consolePage.reload();
  await row.getByTestId("pairing-code").waitFor();
  expect(await row.getByTestId("pairing-code").getAttribute("data-code")).toBe(code);

  await tablet.getByLabel("配对码（6 位数字）").fill(code);
  await tablet.getByRole("button", { name: "配对", exact: true }).click();
  await tablet.getByTestId("kiosk-idle").waitFor();
  await consolePage.reload();
  await row.getByRole("button", { name: "解除配对" }).waitFor();
  expect(await row.getByTestId("pairing-code").count()).toBe(0);

  // 解除配对 through its dialog: the tablet drops to the pairing screen.
  await row.getByRole("button", { name: "解除配对" }).click();
  const unpair = consolePage.getByRole("alertdialog", { name: "解除窗口 A01 的评价器配对？" });
  await unpair.getByRole("button", { name: "确认解除配对" }).click();
  await tablet.getByRole("heading", { name: "评价器尚未配对" }).waitFor();
  await row.getByText("未配对").waitFor();
  await context.close();
});
