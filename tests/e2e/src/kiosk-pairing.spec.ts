import { createHash } from "node:crypto";

import { expect, test } from "vitest";

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
  const issued = await mutate<{ code: string }>(kiosk.baseUrl(), manager, "device.issuePairingCode", { deviceId: device.id });
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
